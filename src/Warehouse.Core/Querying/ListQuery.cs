using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// The start of every keyset read of a list: the reader's scoped rows (<see cref="QuerySources.Scoped{T}"/>), the
/// compiled <c>where</c>, and the sort keys of the <c>order</c> (the entity key last). Connection pages
/// (<see cref="PageVisitor"/>) and plain export pages (<see cref="PlainPageVisitor"/>) both start here, so the two
/// cannot drift apart on scope, filter or order.
/// </summary>
internal static class ListQuery
{
    public static (IQueryable<T> Query, List<SortKey> Keys) Start<T>(QuerySources sources, EntityDef<T> entity, ParameterExpression x,
        IDictionary<string, object?>? where, DateOnly? asOf, IReadOnlyList<object?>? order) where T : class, new()
    {
        IQueryable<T> query = sources.Scoped(entity).AsNoTracking();
        if (new FilterCompiler(sources, asOf: asOf).Compile(entity, where) is { } filter)
        {
            query = query.Where(filter);
        }
        return (query, new SortCompiler(sources).Compile(entity, x, order));
    }
}
