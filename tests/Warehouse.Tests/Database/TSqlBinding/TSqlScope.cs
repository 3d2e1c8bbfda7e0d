namespace Warehouse.Tests.Database.TSqlBinding;

/// <summary>
/// The names visible at one level of a statement: the row sources of a FROM clause (tables, views, derived tables,
/// VALUES lists, OPENJSON) by alias, the CTEs declared there, and the select list's aliases (for ORDER BY).
/// Lookups fall back to the enclosing level, which is how correlated subqueries see their outer query.
/// </summary>
internal sealed class TSqlScope(TSqlScope? parent)
{
    private readonly Dictionary<string, TSqlSource> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string?>?> _ctes = new(StringComparer.OrdinalIgnoreCase);

    public TSqlScope? Parent { get; } = parent;
    public IReadOnlyCollection<TSqlSource> Sources => _sources.Values;
    /// <summary>Names the select list gives its columns; ORDER BY may use them unqualified.</summary>
    public List<string?> SelectAliases { get; } = [];

    public void Add(string alias, TSqlSource source) => _sources[alias] = source;

    public void AddCte(string name, IReadOnlyList<string?>? columns) => _ctes[name] = columns;

    public bool TryFindCte(string name, out IReadOnlyList<string?>? columns)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s._ctes.TryGetValue(name, out columns))
            {
                return true;
            }
        }
        columns = null;
        return false;
    }

    /// <summary>The nearest source with this alias, searching outwards.</summary>
    public TSqlSource? Find(string alias)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s._sources.TryGetValue(alias, out var source))
            {
                return source;
            }
        }
        return null;
    }
}

/// <summary>One row source in scope; <see cref="Columns"/> is null when its column names cannot be known (never for catalogue objects).</summary>
internal sealed record TSqlSource(string Display, IReadOnlyList<string?>? Columns)
{
    public bool Has(string column) => Columns!.Any(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
}
