using System.Data.Common;
using System.Globalization;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Loading;

/// <summary>
/// Everything an import checks references against, read once from the warehouse before validation: region codes
/// with their level, county and township; and for each entity that is loaded or referenced, its keys with the
/// columns references copy from it (a member's household and region codes, ...). 100,000 households are a few MB.
/// </summary>
internal sealed class ReferenceIndex
{
    private readonly Dictionary<string, ReferenceTable> _tables = new(StringComparer.Ordinal);

    public ReferenceTable this[string name] => _tables[name];

    public static ReferenceIndex Load(DbConnection connection, DbTransaction? transaction, Dialect dialect, IEnumerable<EntitySpec> loading)
    {
        var index = new ReferenceIndex();
        foreach (var (target, columns, sql) in Plan(dialect, loading))
        {
            var table = new ReferenceTable(target, columns);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var row = new string?[table.Columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i + 1) ? null : Convert.ToString(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                }
                table.Stored[Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!] = row;
            }
            index._tables[target] = table;
        }
        return index;
    }

    /// <summary>
    /// What is read: every entity that is loaded or referenced, with the columns references copy from it, and the
    /// SELECT that reads it (public so the SQL Server statements can be bound by a test without a server).
    /// </summary>
    public static IReadOnlyList<(string Target, IReadOnlyList<string> Columns, string Sql)> Plan(Dialect dialect, IEnumerable<EntitySpec> loading)
    {
        var needed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Need(string target, IEnumerable<string> columns)
        {
            if (!needed.TryGetValue(target, out var set))
            {
                needed[target] = set = [];
            }
            set.UnionWith(columns);
        }
        foreach (var entity in ImportEntities.All)
        {
            foreach (var column in entity.Columns)
            {
                if (column.Reference is { } r)
                {
                    Need(r.Target, r.Copies.Select(c => c.From).Concat(r.MustMatch.Select(m => m.From)));
                }
            }
        }
        foreach (var entity in loading)
        {
            Need(entity.Name, []);
        }
        Need(ImportEntities.Regions, ["level"]);
        return needed.Select(n =>
        {
            var columns = n.Value.Order(StringComparer.Ordinal).ToList();
            var (from, key) = Source(n.Key, dialect);
            return (n.Key, (IReadOnlyList<string>)columns, $"SELECT {key}{string.Concat(columns.Select(c => ", " + Expression(n.Key, c)))} FROM {from}");
        }).ToList();
    }

    private static (string Table, string Key) Source(string target, Dialect dialect) => target switch
    {
        ImportEntities.Regions => (dialect.Table("region"), "code"),
        "workshops" => (dialect.Table("workshop"), "workshop_id"),
        _ => ImportEntities.Require(target) is var spec ? (dialect.Table(spec.Table), spec.Key.Column) : default,
    };

    /// <summary>A region's township: its own code for a township, its parent township's for a village.</summary>
    private static string Expression(string target, string column) =>
        target == ImportEntities.Regions && column == "township_of" ? "CASE WHEN level = 'TOWNSHIP' THEN code ELSE township_code END" : column;
}
