using System.Text.RegularExpressions;
using Warehouse.Data;
using Warehouse.Generation;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// The tests' expected-value SQL is written once, in SQLite's spelling, and rewritten here for PostgreSQL, so a
/// test states its expectation once for both providers. The rewrites are few and mechanical:
/// <list type="bullet">
/// <item><c>api_x</c>/<c>"api_x"</c> and <c>sec_x</c> become <c>api.x</c>, <c>sec.x</c> (base tables need nothing:
/// the test connection's search path starts with <c>wh</c>);</item>
/// <item><c>date('now')</c> and <c>date('now', '-14 years')</c> become <c>CURRENT_DATE</c> arithmetic (UTC
/// sessions, as SQLite's 'now');</item>
/// <item><c>instr(a, b)</c> is <c>strpos(a, b)</c>, <c>IFNULL</c> is <c>COALESCE</c>, <c>strftime('%Y', d)</c> and
/// <c>strftime('%Y-%m', d)</c> are <c>EXTRACT(YEAR …)</c> and <c>to_char(d, 'YYYY-MM')</c>;</item>
/// <item>0/1 flag comparisons (<c>relocated = 1</c>) compare with <c>TRUE</c>/<c>FALSE</c>, since the flags are
/// boolean there;</item>
/// <item>SQLite's null-safe <c>a IS b</c> is <c>a IS NOT DISTINCT FROM b</c>;</item>
/// <item><c>$name</c> parameters are <c>@name</c>.</item>
/// </list>
/// Anything else must be written portably: CASE, COALESCE, ||, LIMIT and GROUP BY 1 work in both; sum a condition as
/// <c>SUM(CASE WHEN … THEN 1 ELSE 0 END)</c>, give every subquery in FROM an alias, and truncate with integer division.
/// </summary>
public static partial class SqlDialect
{
    private static readonly string[] Flags =
        [.. Tables.FlagColumns, "business_fell_20", "revealable", "aggregate_only"];

    public static string For(DatabaseProvider provider, string sql) =>
        provider == DatabaseProvider.PostgreSql ? ToPostgres(sql) : sql;

    /// <summary>A parameter name as the provider's command wants it (<c>$h</c> is SQLite's; Npgsql takes <c>h</c>).</summary>
    public static string Parameter(DatabaseProvider provider, string name) =>
        provider == DatabaseProvider.PostgreSql ? name.TrimStart('$', '@', ':') : name;

    public static string ToPostgres(string sql)
    {
        sql = QuotedPrefixed().Replace(sql, m => $"{m.Groups[1].Value}.{m.Groups[2].Value}");
        sql = Prefixed().Replace(sql, m => $"{m.Groups[1].Value}.{m.Groups[2].Value}");
        sql = DateNow().Replace(sql, m => m.Groups[1].Success
            ? $"(CURRENT_DATE + INTERVAL '{m.Groups[1].Value}')::date"
            : "CURRENT_DATE");
        sql = Instr().Replace(sql, "strpos(");
        sql = StrftimeYear().Replace(sql, "EXTRACT(YEAR FROM $1)");
        sql = StrftimeMonth().Replace(sql, "to_char($1, 'YYYY-MM')");
        sql = IfNull().Replace(sql, "COALESCE(");
        sql = FlagComparison().Replace(sql, m => Flags.Contains(m.Groups[2].Value)
            ? $"{m.Groups[1].Value}{m.Groups[2].Value} {m.Groups[3].Value} {(m.Groups[4].Value == "1" ? "TRUE" : "FALSE")}"
            : m.Value);
        sql = NullSafeEquals().Replace(sql, "$1 IS NOT DISTINCT FROM $2");
        sql = DollarParameter().Replace(sql, "@$1");
        return sql;
    }

    [GeneratedRegex("\"(api|sec)_(\\w+)\"")]
    private static partial Regex QuotedPrefixed();

    [GeneratedRegex(@"\b(api|sec)_(\w+)")]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"date\('now'(?:\s*,\s*'([+-]?\d+ (?:years?|months?|days?))')?\)", RegexOptions.IgnoreCase)]
    private static partial Regex DateNow();

    [GeneratedRegex(@"strftime\('%Y',\s*([\w.]+)\)")]
    private static partial Regex StrftimeYear();

    [GeneratedRegex(@"strftime\('%Y-%m',\s*([\w.]+)\)")]
    private static partial Regex StrftimeMonth();

    [GeneratedRegex(@"\binstr\(", RegexOptions.IgnoreCase)]
    private static partial Regex Instr();

    [GeneratedRegex(@"\bIFNULL\(", RegexOptions.IgnoreCase)]
    private static partial Regex IfNull();

    [GeneratedRegex(@"(\b\w+\.)?\b(\w+)\s*(=|<>|!=)\s*([01])\b")]
    private static partial Regex FlagComparison();

    [GeneratedRegex(@"\b([\w.]+) IS (?!NULL\b|NOT\b|TRUE\b|FALSE\b|DISTINCT\b)([\w.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex NullSafeEquals();

    [GeneratedRegex(@"\$(\w+)")]
    private static partial Regex DollarParameter();
}
