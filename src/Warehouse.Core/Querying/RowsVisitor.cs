using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// Scoped rows whose <c>keyProperty</c> is one of <c>keys</c>, filtered, ordered and projected: the single
/// query behind a lookup by key and behind each batched relation level (no query per parent row).
/// </summary>
internal sealed class RowsVisitor(QuerySources sources, string keyProperty, IReadOnlyCollection<string> keys,
    IDictionary<string, object?>? where, IReadOnlyList<object?>? order, IReadOnlyCollection<string> properties,
    CancellationToken ct) : IEntityVisitor<Task<List<object>>>
{
    public async Task<List<object>> Visit<T>(EntityDef<T> entity) where T : class, new()
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var x = Expression.Parameter(typeof(T), "x");
        var query = sources.Scoped(entity).AsNoTracking();
        var prop = typeof(T).GetProperty(keyProperty)!;
        var keyList = keys.Distinct(StringComparer.Ordinal).ToList();
        var contains = typeof(List<string>).GetMethod(nameof(List<string>.Contains))!;
        Expression list = Exprs.Value(keyList, typeof(List<string>));
        // The keys as ONE parameter (json_each on SQLite, = ANY on PostgreSQL): the statement's text no longer depends on
        // how many parents the batch has, so EF Core and the engine do not build a new IN list of up to 500 parameters
        // per request. SQL Server keeps EF Core's padded parameter list: its single-parameter form is OPENJSON, which
        // needs database compatibility level 130 or later, and this was measured on SQLite only (docs/performance.md).
        if (sources.Db.Provider != Warehouse.Data.DatabaseProvider.SqlServer)
        {
            list = Expression.Call(typeof(EF).GetMethod(nameof(EF.Parameter))!.MakeGenericMethod(typeof(List<string>)), list);
        }
        var inKeys = Expression.Lambda<Func<T, bool>>(Expression.Call(list, contains, Expression.Property(x, prop)), x);
        query = query.Where(inKeys);
        if (new FilterCompiler(sources).Compile(entity, where) is { } filter)
        {
            query = query.Where(filter);
        }
        var sortKeys = new SortCompiler(sources).Compile(entity, x, order);
        query = Ordering.Apply(query, x, sortKeys, sources.Db.Provider);
        var projection = Expression.Lambda<Func<T, T>>(Projection.Row(entity, x, properties), x);
        var rows = await query.Select(projection).ToListAsync(ct);
        return rows.ConvertAll(r => (object)r);
    }
}
