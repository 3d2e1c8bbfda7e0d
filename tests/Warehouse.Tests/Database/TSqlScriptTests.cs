using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>
/// No SQL Server runs on the build machines, so the production scripts are at least parsed with the
/// T-SQL grammar here, and the numbering that DbUp relies on is checked for both dialects.
/// </summary>
public sealed partial class TSqlScriptTests
{
    public static TheoryData<string> SqlServerScripts()
    {
        var data = new TheoryData<string>();
        foreach (var path in ScriptFiles("sqlserver"))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Db("sqlserver"), path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SqlServerScripts))]
    public void Script_parses_as_TSql(string script)
    {
        var path = Path.Combine(RepoPaths.Db("sqlserver"), script);

        var problems = TSqlCheck.Problems(File.ReadAllText(path));

        var shownPath = Path.GetRelativePath(RepoPaths.Root, path);
        Assert.True(
            problems.Count == 0,
            string.Join(Environment.NewLine, problems.Select(p => $"{shownPath}: {p}")));
    }

    [Fact]
    public void Script_numbers_are_unique_contiguous_and_paired_across_dialects()
    {
        var problems = new List<string>();
        var sqlite = NumberedScripts("sqlite", problems);
        foreach (var dialect in new[] { "sqlserver", "postgresql" })
        {
            var other = NumberedScripts(dialect, problems);
            foreach (var (number, suffix) in sqlite)
            {
                if (!other.Contains((number, suffix)))
                {
                    problems.Add($"db/sqlite/{number:D4}_{suffix}.sql has no twin db/{dialect}/{number:D4}_{suffix}.sql");
                }
            }
            foreach (var (number, suffix) in other.Where(s => !sqlite.Contains(s)))
            {
                problems.Add($"db/{dialect}/{number:D4}_{suffix}.sql has no twin db/sqlite/{number:D4}_{suffix}.sql");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("SELEC name FROM wh.region;")]
    [InlineData("CREATE TABLE wh.broken (id int NOT NULL,, name nvarchar(10));")]
    [InlineData("CREATE VIEW api.v AS SELECT code FROM wh.region WHERE;")]
    public void Check_reports_a_parse_error(string sql)
    {
        var problems = TSqlCheck.Problems(sql);

        var problem = Assert.Single(problems);
        Assert.Matches(@"^line 1, column \d+: ", problem);
    }

    [Theory]
    [InlineData("SELECT 1;\nCREATE VIEW api.v AS SELECT code FROM wh.region;")]
    [InlineData("SET ANSI_NULLS ON;\nCREATE SCHEMA api;")]
    [InlineData("CREATE VIEW api.v AS SELECT code FROM wh.region;\nCREATE VIEW api.w AS SELECT code FROM wh.region;")]
    [InlineData("CREATE VIEW api.v AS SELECT code FROM wh.region;\nSELECT 1;")]
    public void Check_reports_a_statement_that_needs_a_GO_before_it(string sql)
    {
        var problems = TSqlCheck.Problems(sql);

        Assert.NotEmpty(problems);
        Assert.StartsWith("line 2, column 1: ", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_accepts_batches_separated_by_GO()
    {
        const string sql = """
            SET ANSI_NULLS ON;
            GO
            CREATE SCHEMA api AUTHORIZATION dbo;
            GO
            CREATE VIEW api.v WITH SCHEMABINDING AS SELECT code FROM wh.region;
            GO
            """;

        Assert.Empty(TSqlCheck.Problems(sql));
    }

    internal static IReadOnlyList<string> ScriptFiles(string dialect) =>
        Directory.GetFiles(RepoPaths.Db(dialect), "*.sql", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static HashSet<(int Number, string Suffix)> NumberedScripts(string dialect, List<string> problems)
    {
        var scripts = new HashSet<(int Number, string Suffix)>();
        var numbers = new List<int>();
        var folder = RepoPaths.Db(dialect);
        foreach (var path in ScriptFiles(dialect))
        {
            var relative = Path.GetRelativePath(folder, path);
            var match = ScriptName().Match(relative);
            if (!match.Success)
            {
                problems.Add($"db/{dialect}/{relative} is not named NNNN_name.sql directly in db/{dialect}");
                continue;
            }

            var number = int.Parse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            numbers.Add(number);
            scripts.Add((number, match.Groups["suffix"].Value));
        }

        if (numbers.Count == 0)
        {
            problems.Add($"db/{dialect} holds no scripts");
        }

        foreach (var duplicate in numbers.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            problems.Add($"db/{dialect}: {duplicate.Count()} scripts share the number {duplicate.Key:D4}");
        }

        var expected = 1;
        foreach (var number in numbers.Distinct().Order())
        {
            if (number != expected)
            {
                problems.Add($"db/{dialect}: expected script number {expected:D4}, found {number:D4}");
            }

            expected = number + 1;
        }

        return scripts;
    }

    [GeneratedRegex(@"^(?<number>[0-9]{4})_(?<suffix>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptName();
}

/// <summary>Parses T-SQL the way the production scripts must parse, and reports what is wrong.</summary>
internal static class TSqlCheck
{
    /// <summary>
    /// Parses with the SQL Server 2025 grammar (compatibility level 170): the newest released engine.
    /// The package also has TSql180Parser, a grammar for an unreleased version, which could accept
    /// syntax that no production server runs.
    /// </summary>
    public static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    /// <summary>
    /// Every parse error, as "line L, column C: error N: message". The parser also enforces SQL Server's
    /// batch rules (CREATE SCHEMA, VIEW, PROCEDURE, FUNCTION and TRIGGER must start their batch; a view
    /// or module must end it), which matter because DbUp sends each GO-separated batch on its own.
    /// </summary>
    public static IReadOnlyList<string> Problems(string sql)
    {
        Parse(sql, out var errors);
        return errors
            .Select(e => $"line {e.Line}, column {e.Column}: error {e.Number}: {e.Message}")
            .ToList();
    }
}
