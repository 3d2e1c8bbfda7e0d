using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Reads an export page by page through <see cref="QueryEngine.ReadPlainPageAsync"/>: scope, where, order and the
/// keyset continuation exactly as the graph's connections, but read with a plain data reader into one reused buffer
/// of stored values (no entity objects, no cursors). Each reference is loaded for the whole page in one scoped query
/// (<see cref="QueryEngine.RelatedAsync"/>): never a query per row. Only one page is held at a time.
/// <para>
/// The first page is small (<see cref="FirstPageRows"/>): a caller's mistake that only the database finds, and the
/// first bytes, come back at once; later pages have <see cref="PageSize"/> rows.
/// </para>
/// </summary>
internal sealed class ExportReader
{
    /// <summary>Rows of the first page.</summary>
    public const int FirstPageRows = 1000;

    private static readonly IReadOnlyDictionary<string, List<object>> None = new Dictionary<string, List<object>>();
    private readonly QueryEngine _engine;
    private readonly AccessContext _access;
    private readonly ExportPlan _plan;
    private readonly IDictionary<string, object?>? _where;
    private readonly IReadOnlyList<object?>? _order;
    private readonly PlainPage _page;
    private readonly int[] _relationKeys;
    private KeysetPosition? _after;
    private bool _started;
    private bool _done;

    public ExportReader(QueryEngine engine, AccessContext access, ExportPlan plan, IDictionary<string, object?>? where,
        IReadOnlyList<object?>? order, int pageSize)
    {
        (_engine, _access, _plan, _where, _order, PageSize) = (engine, access, plan, where, order, pageSize);
        var properties = plan.RootProperties.ToList();
        if (ExportRowShaper.NeedsBirthDate(plan, access) && !properties.Contains(plan.Entity.Minors!.BirthDate.Name))
        {
            // The minors rule shapes some column of this export: it needs every row's birth date, exported or not.
            properties.Add(plan.Entity.Minors.BirthDate.Name);
        }
        Properties = properties;
        _relationKeys = [.. plan.Relations.Select(r => properties.IndexOf(r.ParentKey))];
        _page = new PlainPage(properties.Count, pageSize);
    }

    public int PageSize { get; }

    /// <summary>The CLR properties read, in the order of the page's columns.</summary>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>The next page (the first one even when empty), or null after the last one.</summary>
    public async Task<ExportPage?> NextAsync(CancellationToken ct)
    {
        if (_done)
        {
            return null;
        }
        await _engine.ReadPlainPageAsync(_access, new PlainPageRequest
        {
            Entity = _plan.Entity, Where = _where, Order = _order, Properties = Properties, After = _after,
            Size = _started ? PageSize : Math.Min(FirstPageRows, PageSize),
        }, _page, ct);
        _started = true;
        _after = _page.Next;
        _done = _after is null;
        var related = new IReadOnlyDictionary<string, List<object>>[_plan.Relations.Count];
        for (var r = 0; r < related.Length; r++)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var row = 0; row < _page.Count; row++)
            {
                if (_page[row, _relationKeys[r]] is string key)
                {
                    keys.Add(key);
                }
            }
            related[r] = keys.Count == 0 ? None : await _engine.RelatedAsync(_access, new RelatedRequest
            {
                Relation = _plan.Relations[r], ParentKeys = keys, Properties = _plan.RelationProperties[r],
            }, ct);
        }
        return new ExportPage(_page, related);
    }
}
