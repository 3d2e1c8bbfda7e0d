using System.Text.Json;
using Warehouse.Cli;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>The verify verb: exit codes 0 (servable, warnings allowed), 1 (an error rule failed), 2 (bad arguments, database unreachable), the text
/// and JSON reports.</summary>
public sealed class VerifyCliTests
{
    [ProviderTheory]
    [MemberData(nameof(ProviderRows))]
    public async Task A_clean_warehouse_exits_0_with_a_servable_report(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);

        var (code, output, error) = await Run("verify", "--provider", provider.ToString(), "--connection", db.ConnectionString);

        Assert.True(code == 0, error + output);
        Assert.Contains("SERVABLE: no error rule failed (0 warning rule(s) with findings).", output, StringComparison.Ordinal);
        Assert.Matches(@"\nmembers +[\d,]+ +25/25\n", output);
        Assert.DoesNotContain("Password", output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", error);
    }

    public static TheoryData<DatabaseProvider> ProviderRows() => Providers.Each();

    [Fact]
    public async Task An_error_rule_exits_1_and_json_names_the_rule_the_count_and_the_sample()
    {
        using var db = TestDatabase.Copy();
        ViewSurgery.Drop(db, "workshops");

        var (code, output, _) = await Run("verify", "--connection", db.ConnectionString, "--json", "--sample", "2");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("servable").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("failedErrors").GetInt32());
        var rule = json.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "view-exists");
        Assert.Equal(1, rule.GetProperty("count").GetInt64());
        Assert.Equal("error", rule.GetProperty("severity").GetString());
        Assert.Equal("workshops", rule.GetProperty("sample")[0].GetProperty("view").GetString());
        Assert.False(json.RootElement.GetProperty("views").EnumerateArray().Single(v => v.GetProperty("view").GetString() == "workshops").GetProperty("exists")
            .GetBoolean());
    }

    [Fact]
    public async Task Warnings_alone_exit_0_and_the_text_report_lists_the_offending_rows()
    {
        using var db = TestDatabase.Copy();
        var key = Sql.Strings(db, "SELECT MIN(member_id) FROM api_members").Single();
        ViewSurgery.Redefine(db, "members", c => c == "birth_date" ? $"CASE WHEN o.member_id = '{key}' THEN '1800-01-01' ELSE o.birth_date END" : null);

        var (code, output, _) = await Run("verify", "--connection", db.ConnectionString);

        Assert.Equal(0, code);
        Assert.Matches(@"date-plausible +warning +WARN +1 ", output);
        Assert.Matches($@"\n  members +{key} +birth_date +1800-01-01\n", output);
        Assert.Contains("SERVABLE: no error rule failed (1 warning rule(s) with findings).", output, StringComparison.Ordinal);
        // Of the offending row, only the key and the offending column's value: not the member's name or ID number.
        var name = Sql.Strings(db, $"SELECT name FROM api_members WHERE member_id = '{key}'").Single();
        var idNumber = Sql.Strings(db, $"SELECT id_number FROM api_members WHERE member_id = '{key}'").Single();
        var (_, json, _) = await Run("verify", "--connection", db.ConnectionString, "--json", "--sample", "1000");
        Assert.DoesNotContain(name, output + json, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, output + json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sqlite_file_exits_2_without_creating_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"warehouse-missing-{Guid.NewGuid():N}.db");

        var (code, output, error) = await Run("verify", "--connection", $"Data Source={path}");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: cannot open the Sqlite database {path}:", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("--sample", "0")]
    [InlineData("--sample", "many")]
    [InlineData("--provider", "Oracle")]
    [InlineData("--provider", "PostgreSql", "--connection", "Host=127.0.0.1;Port=1;Database=none;Username=nobody;Timeout=3")]
    [InlineData("--frobnicate", "1")]
    public async Task Bad_arguments_and_unreachable_databases_exit_2_with_one_line(params string[] args)
    {
        var (code, output, error) = await Run(["verify", .. args]);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SERVABLE", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
