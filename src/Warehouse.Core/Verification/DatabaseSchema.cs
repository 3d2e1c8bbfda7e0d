using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// The API views (or tables) a database holds and their columns, as read by <see cref="SchemaReader"/>. Names
/// match case-insensitively on SQLite and SQL Server and exactly on PostgreSQL, as each engine resolves the quoted
/// names the API sends.
/// </summary>
internal sealed class DatabaseSchema
{
    private readonly Dictionary<string, Dictionary<string, ViewColumn>> _views;

    public DatabaseSchema(DatabaseProvider provider, IEnumerable<(string View, ViewColumn Column)> columns)
    {
        Provider = provider;
        var comparer = provider == DatabaseProvider.PostgreSql ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        _views = new Dictionary<string, Dictionary<string, ViewColumn>>(comparer);
        foreach (var (view, column) in columns)
        {
            if (!_views.TryGetValue(view, out var found))
            {
                _views[view] = found = new Dictionary<string, ViewColumn>(comparer);
            }
            found.TryAdd(column.Name, column);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The view's name as the catalogue knows it (households), without the SQLite prefix or the schema.</summary>
    public bool HasView(string view) => _views.ContainsKey(view);

    public ViewColumn? Column(string view, string column) =>
        _views.TryGetValue(view, out var columns) ? columns.GetValueOrDefault(column) : null;

    public IReadOnlyCollection<string> Views => _views.Keys;
}
