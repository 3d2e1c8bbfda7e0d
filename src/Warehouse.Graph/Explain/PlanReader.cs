using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;

namespace Warehouse.Explain;

/// <summary>
/// Asks the database for the plan of a statement a request ran, without running it again: <c>EXPLAIN QUERY PLAN</c>
/// on SQLite, <c>EXPLAIN (COSTS OFF)</c> on PostgreSQL, the estimated plan (<c>SET SHOWPLAN_TEXT ON</c>) on SQL Server. The
/// statement is bound with the parameters it ran with (SQLite refuses unbound ones, and the plan should be the one
/// the request got); quoted literals in a plan are replaced by <c>'?'</c>, because PostgreSQL and SQL Server print
/// bound values into their plans and a batch of related rows is bound with keys read from the data. Plans are asked
/// on the read path, like the statements: <see cref="ReadContexts"/>, a read replica when one is configured.
/// </summary>
internal sealed partial class PlanReader(ReadContexts contexts, DatabaseOptions database)
{
    /// <summary>The SQL Server session switches around a statement whose estimated plan is asked for (parsed by a test).</summary>
    public const string ShowPlanOn = "SET SHOWPLAN_TEXT ON";
    public const string ShowPlanOff = "SET SHOWPLAN_TEXT OFF";

    public string Provider => database.Provider.ToString();

    /// <summary>True for a statement that only reads (a plan is asked for those only; writes are listed, not planned).</summary>
    public static bool IsRead(string sql)
    {
        var text = sql.TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyList<string>> PlanAsync(CapturedStatement statement, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(ct);
        // Already open when it came from a replica (ReadContexts opens those); EF counts the opens.
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => await SqliteAsync(connection, statement, ct),
            // COSTS OFF: PostgreSQL's row estimates come from statistics over the whole table, so with the caller's
            // own filter value bound they would tell how common that value is outside the caller's region.
            DatabaseProvider.PostgreSql => await LinesAsync(connection, "EXPLAIN (COSTS OFF) " + statement.Text, statement, ct),
            _ => await SqlServerAsync(connection, statement, ct),
        };
    }

    private static async Task<IReadOnlyList<string>> SqliteAsync(DbConnection connection, CapturedStatement statement, CancellationToken ct)
    {
        // Rows are (id, parent, notused, detail); the tree is shown by indenting each detail under its parent.
        await using var command = Command(connection, "EXPLAIN QUERY PLAN " + statement.Text, statement);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var depth = new Dictionary<long, int>();
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            var parent = reader.GetInt64(1);
            var level = depth.TryGetValue(parent, out var d) ? d + 1 : 0;
            depth[id] = level;
            lines.Add(new string(' ', level * 2) + reader.GetString(3));
        }
        return lines;
    }

    private static async Task<IReadOnlyList<string>> SqlServerAsync(DbConnection connection, CapturedStatement statement, CancellationToken ct)
    {
        // SHOWPLAN must be alone in its batch; while it is on, statements are compiled and not executed.
        await using (var on = Command(connection, ShowPlanOn, null))
        {
            await on.ExecuteNonQueryAsync(ct);
        }
        try
        {
            var lines = new List<string>();
            await using var command = Command(connection, statement.Text, statement);
            await using var reader = await command.ExecuteReaderAsync(ct);
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    lines.Add(Redact(reader.GetString(0)));
                }
            }
            while (await reader.NextResultAsync(ct));
            return lines;
        }
        finally
        {
            await using var off = Command(connection, ShowPlanOff, null);
            await off.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<IReadOnlyList<string>> LinesAsync(DbConnection connection, string sql, CapturedStatement statement, CancellationToken ct)
    {
        await using var command = Command(connection, sql, statement);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(Redact(reader.GetString(0)));
        }
        return lines;
    }

    private static DbCommand Command(DbConnection connection, string sql, CapturedStatement? statement)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in statement?.Parameters ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            parameter.DbType = p.DbType;
            parameter.Value = p.Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Every quoted literal ('…', with '' inside) becomes '?': a plan may print bound values, some of them read from the data.</summary>
    public static string Redact(string text) => Literal().Replace(text, "'?'");

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex Literal();
}
