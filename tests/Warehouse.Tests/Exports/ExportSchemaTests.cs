using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>Issue 13, observation 8: a machine-readable column description beside each feed, per role (same planner as the export).</summary>
public sealed class ExportSchemaTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Columns_have_names_labels_and_types_as_the_role_exports_them()
    {
        var county = await ColumnsAsync(fixture.App.ClientFor("county", fixture.County),
            "/export/members.schema.json?fields=id,birthDate,householdId,household.perCapitaNetIncome");
        var village = await ColumnsAsync(fixture.App.ClientFor("village", fixture.Village),
            "/export/members.schema.json?fields=id,birthDate,householdId,household.perCapitaNetIncome");
        Assert.Equal(["id", "birthDate", "householdId", "household.perCapitaNetIncome"], county.Keys);
        Assert.Equal("string", county["id"]["type"]!.GetValue<string>());
        Assert.False(county["id"]["nullable"]!.GetValue<bool>());
        // Masked above the village: text (e.g. a year with stars), never a date or a number.
        Assert.True(county["birthDate"]["masked"]!.GetValue<bool>());
        Assert.Equal("string", county["birthDate"]["type"]!.GetValue<string>());
        Assert.Equal("date", village["birthDate"]["type"]!.GetValue<string>());
        Assert.Equal("DATE", village["birthDate"]["duckdb"]!.GetValue<string>());
        Assert.Equal("decimal(18,2)", county["household.perCapitaNetIncome"]["type"]!.GetValue<string>());
        Assert.True(county["household.perCapitaNetIncome"]["nullable"]!.GetValue<bool>());
        Assert.EndsWith(".人均纯收入", county["household.perCapitaNetIncome"]["label"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_columns_are_the_default_export_header()
    {
        var client = fixture.App.ClientFor("township", fixture.Township);
        var columns = await ColumnsAsync(client, "/export/households.schema.json");
        var csv = await ExportHttp.CsvAsync(client, "/export/households.csv?where=" + Uri.EscapeDataString("""{"id":{"eq":"none"}}"""));
        Assert.Equal(csv[0], columns.Keys);
        Assert.Equal("string", columns["villageCode"]["type"]!.GetValue<string>()); // codes are text, never integers
    }

    [Theory]
    [InlineData("/export/nothing.schema.json", 404, "UNKNOWN_EXPORT")]
    [InlineData("/export/members.schema.json?fields=diseaseName", 400, "FIELD_HIDDEN")]
    public async Task Mistakes_are_coded(string url, int status, string code)
    {
        var response = await ExportHttp.GetAsync(fixture.App.ClientFor("village", fixture.Village), url);
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<Dictionary<string, JsonNode>> ColumnsAsync(HttpClient client, string url)
    {
        var response = await ExportHttp.GetAsync(client, url);
        Assert.True(response.Status == 200, response.Text);
        return response.Json["columns"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!);
    }
}
