using System.Linq.Expressions;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// Builds <c>new T { A = x.A, B = x.B }</c> for just the properties a request needs, so EF Core reads only
/// those columns from the view.
/// </summary>
internal static class Projection
{
    public static MemberInitExpression Row(EntityDef entity, Expression x, IEnumerable<string> properties)
    {
        var bindings = new List<MemberBinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var always = entity.Minors is null ? [entity.Key.Property.Name] : new[] { entity.Key.Property.Name, entity.Minors.BirthDate.Name };
        foreach (var name in always.Concat(properties))
        {
            if (!seen.Add(name))
            {
                continue;
            }
            var prop = entity.ClrType.GetProperty(name) ?? throw new InvalidOperationException($"{entity.TypeName} has no property {name}.");
            bindings.Add(Expression.Bind(prop, Expression.Property(x, prop)));
        }
        return Expression.MemberInit(Expression.New(entity.ClrType), bindings);
    }

    public static Expression<Func<T, Keyed<T>>> Keyed<T>(EntityDef<T> entity, ParameterExpression x, IEnumerable<string> properties,
        IReadOnlyList<SortKey> keys) where T : class, new()
    {
        if (keys.Count > 6)
        {
            throw new QueryException(ErrorCodes.InvalidOrder, "Too many sort terms.");
        }
        var keyed = typeof(Keyed<T>);
        var bindings = new List<MemberBinding> { Expression.Bind(keyed.GetProperty("Row")!, Row(entity, x, properties)) };
        for (var i = 0; i < keys.Count; i++)
        {
            bindings.Add(Expression.Bind(keyed.GetProperty("K" + i)!, Expression.Convert(keys[i].Selector, typeof(object))));
        }
        return Expression.Lambda<Func<T, Keyed<T>>>(Expression.MemberInit(Expression.New(keyed), bindings), x);
    }
}
