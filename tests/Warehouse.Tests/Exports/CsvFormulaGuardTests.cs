using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// CSV injection (OWASP): text cells starting with =, +, -, @, tab or CR are prefixed with ' so Excel shows
/// them as text instead of evaluating them, in the row export and in the aggregate export; numbers the exporter
/// formats itself (negative money) are left alone; <c>formulaGuard=false</c> gives the raw text for machine
/// readers. The values are planted by SQL in this test's own copy of the warehouse.
/// </summary>
public sealed class CsvFormulaGuardTests : IDisposable
{
    private static readonly string[] Hostile = ["=HYPERLINK(\"http://x.test\",\"点击\")", "+86 1841234", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd", "\t=1+1",
        "\r=1+1"];
    private readonly WarehouseApp _app = new();
    private readonly List<string> _ids;
    private readonly string _village;

    public CsvFormulaGuardTests()
    {
        // Adults' jobs of one village: the county exports them row by row, and the village's aggregates are not protected.
        _village = Sql.Strings(_app.Database, "SELECT village_code FROM employment ORDER BY emp_id LIMIT 1")[0];
        _ids = Sql.Strings(_app.Database, $"""
            SELECT emp_id FROM employment e WHERE village_code = @v AND {Minors.AboutAdult("e.member_id")} ORDER BY emp_id LIMIT {Hostile.Length + 1}
            """, ("@v", _village));
        using var c = _app.Database.Open();
        for (var i = 0; i < _ids.Count; i++)
        {
            using var cmd = c.CreateCommand();
            // The last row keeps ordinary text and gets a negative wage: our own number format must not be touched.
            cmd.CommandText = i < Hostile.Length
                ? "UPDATE employment SET employer = @v, work_region = @v WHERE emp_id = @id"
                : "UPDATE employment SET employer = '县城建筑队', work_region = '县内', monthly_wage_fen = -150050 WHERE emp_id = @id";
            cmd.Parameters.AddWithValue("@v", i < Hostile.Length ? Hostile[i] : "");
            cmd.Parameters.AddWithValue("@id", _ids[i]);
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }
    }

    private string Where => "{\"id\":{\"in\":[" + string.Join(',', _ids.Select(i => $"\"{i}\"")) + "]}}";

    [Theory]
    [InlineData(null, true)]
    [InlineData("formulaGuard=true", true)]
    [InlineData("formulaGuard=false", false)]
    public async Task Row_export_prefixes_formula_text_unless_turned_off(string? parameter, bool guarded)
    {
        var client = _app.ClientFor("county", "139901000000");
        var rows = await ExportHttp.CsvAsync(client, ExportHttp.Url("jobs.csv", fields: "id,employer,workRegion,monthlyWage", where: Where,
            order: "[{\"id\":\"ASC\"}]", extra: parameter));
        Assert.Equal(["id", "employer", "workRegion", "monthlyWage"], rows[0]);
        Assert.Equal(_ids.Count, rows.Count - 1);
        for (var i = 0; i < Hostile.Length; i++)
        {
            var expected = guarded ? "'" + Hostile[i] : Hostile[i];
            Assert.Equal(_ids[i], rows[i + 1][0]);
            Assert.Equal(expected, rows[i + 1][1]);
            Assert.Equal(expected, rows[i + 1][2]);
        }
        var plain = rows[^1];
        Assert.Equal(["县城建筑队", "县内", "-1500.50"], plain.Skip(1));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("formulaGuard=false", false)]
    public async Task Aggregate_export_prefixes_formula_group_values_unless_turned_off(string? parameter, bool guarded)
    {
        var client = _app.ClientFor("village", _village);
        var url = "/export/aggregate/jobs.csv?groupBy=workRegion&measures=count,sum.monthlyWage&where=" + Uri.EscapeDataString(Where)
            + (parameter is null ? "" : "&" + parameter);
        var rows = await ExportHttp.CsvAsync(client, url);
        Assert.Equal(["workRegion", "count", "sum.monthlyWage"], rows[0]);
        var byKey = rows.Skip(1).ToDictionary(r => r[0], r => r);
        foreach (var value in Hostile)
        {
            var key = guarded ? "'" + value : value;
            Assert.True(byKey.ContainsKey(key), $"no group '{key}' in {string.Join(" | ", byKey.Keys)}");
        }
        // The sum is a number the exporter wrote: a leading minus stays as it is.
        Assert.Equal("-1500.50", byKey["县内"][2]); // money with two decimals (issue 13, obs 8)
    }

    [Theory]
    [InlineData("/export/jobs.csv?formulaGuard=maybe")]
    [InlineData("/export/jobs.jsonl?formulaGuard=2")]
    [InlineData("/export/aggregate/jobs.csv?formulaGuard=off-ish")]
    public async Task An_invalid_formula_guard_value_is_400_invalid_parameter(string url)
    {
        var client = _app.ClientFor("county", "139901000000");
        var response = await ExportHttp.GetAsync(client, url);
        Assert.Equal(400, response.Status);
        Assert.Equal("INVALID_PARAMETER", response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("formulaGuard", response.Json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
