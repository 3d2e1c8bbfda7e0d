using System.Linq.Expressions;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// Row scope: the one predicate that limits every read of an entity to the reader's region. Root lists,
/// lookups, nested lists, relation filters, related sort keys, counts, aggregates and exports all start from
/// <see cref="QuerySources.Scoped{T}"/>, which applies it.
/// </summary>
internal static class ScopeRules
{
    /// <param name="entity">The entity read.</param>
    /// <param name="access">The reader.</param>
    /// <param name="forRows">False for aggregates, which may count rows (minors' records) that are not readable one by one.</param>
    public static Expression<Func<T, bool>> Predicate<T>(EntityDef<T> entity, AccessContext access, bool forRows = true) where T : class, new()
    {
        var x = Expression.Parameter(typeof(T), "x");
        if (access.DataRole is null)
        {
            // An admin without a data role reads no data at all.
            return Expression.Lambda<Func<T, bool>>(Expression.Constant(false), x);
        }
        var (property, code) = entity.Scope == RowScope.CountyWide
            ? ("CountyCode", access.CountyCode)
            : access.DataRole switch
            {
                Roles.County => ("CountyCode", access.CountyCode),
                Roles.Township => ("TownshipCode", RegionCodes.Township(access.RegionCode)),
                Roles.Village => ("VillageCode", access.RegionCode),
                _ => throw new InvalidOperationException($"No scope for role {access.DataRole}."),
            };
        var prop = typeof(T).GetProperty(property)
                   ?? throw new InvalidOperationException($"{entity.TypeName} has no {property}: it cannot be scoped.");
        Expression body = Expression.Equal(Expression.Property(x, prop), Exprs.Value(code, prop.PropertyType));
        if (forRows && MinorRecords.RowsHidden(entity, access))
        {
            body = Expression.AndAlso(body, MinorRecords.Adult(entity, x, access));
        }
        return Expression.Lambda<Func<T, bool>>(body, x);
    }
}
