using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Reads an export page by page through <see cref="QueryEngine.PageAsync"/> (scope, where, order and keyset
/// cursors exactly as the graph's connections), continuing after the last cursor, and loads each reference for
/// the whole page in one scoped query (<see cref="QueryEngine.RelatedAsync"/>): never a query per row. Only one
/// page is held at a time.
/// </summary>
internal sealed class ExportReader(QueryEngine engine, AccessContext access, ExportPlan plan,
    IDictionary<string, object?>? where, IReadOnlyList<object?>? order, int pageSize)
{
    private static readonly IReadOnlyDictionary<string, List<object>> None = new Dictionary<string, List<object>>();
    private string? _after;
    private bool _done;

    public int PageSize { get; } = pageSize;

    /// <summary>The next page, or null after the last one.</summary>
    public async Task<ExportPage?> NextAsync(CancellationToken ct)
    {
        if (_done)
        {
            return null;
        }
        var page = await engine.PageAsync(access, new PageRequest
        {
            Entity = plan.Entity, Where = where, Order = order, First = PageSize, After = _after, Properties = plan.RootProperties,
        }, ct);
        _done = !page.HasNextPage || page.Rows.Count == 0;
        _after = page.Cursors.Count > 0 ? page.Cursors[^1] : _after;
        var related = new IReadOnlyDictionary<string, List<object>>[plan.Relations.Count];
        for (var r = 0; r < related.Length; r++)
        {
            var relation = plan.Relations[r];
            var getter = PropertyAccessors.Getter(relation.ParentKeyProperty);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in page.Rows)
            {
                if (getter(row) is string key)
                {
                    keys.Add(key);
                }
            }
            related[r] = keys.Count == 0 ? None : await engine.RelatedAsync(access, new RelatedRequest
            {
                Relation = relation, ParentKeys = keys, Properties = plan.RelationProperties[r],
            }, ct);
        }
        return new ExportPage(page.Rows, related);
    }
}
