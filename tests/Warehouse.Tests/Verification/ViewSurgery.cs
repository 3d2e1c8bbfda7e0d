using System.Data.Common;
using System.Text.RegularExpressions;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Verification;

/// <summary>
/// Breaks an API view of a test database the way a DBA's mapping might be broken: the original view is kept under
/// another name (SQLite: <c>orig_x</c>; PostgreSQL: moved to schema <c>public</c>) and <c>api.x</c> is re-created
/// over it as <c>SELECT &lt;columns, some replaced&gt; FROM original AS o [WHERE …] [UNION ALL …]</c>. Plain DDL,
/// independent of the code under test.
/// </summary>
internal static partial class ViewSurgery
{
    /// <summary>The view's columns, in order (plain catalogue queries).</summary>
    public static List<string> Columns(TestDatabase db, string view) => Sql.Strings(db,
        db.Provider == DatabaseProvider.PostgreSql
            ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'api' AND table_name = '{view}' ORDER BY ordinal_position"
            : $"SELECT name FROM pragma_table_info('api_{view}') ORDER BY cid");

    /// <summary>
    /// Re-creates the view over its original. <paramref name="replace"/> gives a column's new expression over alias
    /// <c>o</c> (null: unchanged; "" drops the column); <paramref name="tail"/> is appended (WHERE, UNION ALL).
    /// </summary>
    public static void Redefine(TestDatabase db, string view, Func<string, string?> replace, string tail = "")
    {
        var original = db.Provider == DatabaseProvider.PostgreSql ? $"public.{view}" : $"orig_{view}";
        var select = string.Join(", ", Columns(db, view)
            .Select(c => (Column: c, Expression: replace(c)))
            .Where(c => c.Expression != "")
            .Select(c => $"{c.Expression ?? "o." + Quote(c.Column)} AS {Quote(c.Column)}"));
        var body = $"SELECT {select} FROM {original} AS o {tail.Replace("{original}", original, StringComparison.Ordinal)}";
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            Run(db, $"ALTER VIEW api.{view} SET SCHEMA public", $"CREATE VIEW api.{view} AS {body}");
        }
        else
        {
            var definition = Sql.Text(db, $"SELECT sql FROM sqlite_master WHERE name = 'api_{view}'")!;
            var originalBody = ViewBody().Replace(definition, "", 1);
            Run(db, $"CREATE VIEW {original} AS {originalBody}", $"DROP VIEW api_{view}", $"CREATE VIEW api_{view} AS {body}");
        }
    }

    public static void Drop(TestDatabase db, string view) =>
        Run(db, db.Provider == DatabaseProvider.PostgreSql ? $"DROP VIEW api.{view}" : $"DROP VIEW api_{view}");

    /// <summary>A literal of a type the column takes in both dialects (a date on PostgreSQL, text on SQLite).</summary>
    public static string DateLiteral(TestDatabase db, string date) =>
        db.Provider == DatabaseProvider.PostgreSql ? $"DATE '{date}'" : $"'{date}'";

    private static string Quote(string name) => "\"" + name + "\"";

    private static void Run(TestDatabase db, params string[] statements)
    {
        using DbConnection c = db.Connect();
        foreach (var sql in statements)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    [GeneratedRegex(@"^\s*CREATE\s+VIEW\s+\S+\s+AS\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ViewBody();
}
