using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Issue 13, observation 8 (the parts built): JSON Lines money always has two decimals, so a reader inferring types
/// from a sample sees one decimal column; aggregate CSV measures are rounded (money 2, rates and averages 4).
/// </summary>
public sealed partial class TypedFeedTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    /// <summary>A number as text with exactly two decimals: printf on SQLite; on PostgreSQL a numeric rounded to scale 2 prints so.</summary>
    private static string TwoDecimals(DatabaseProvider provider, string expression) =>
        provider == DatabaseProvider.Sqlite ? $"printf('%.2f', {expression})" : $"CAST(ROUND({expression}, 2) AS text)";

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Jsonl_money_has_two_decimals_on_every_line_and_equals_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client, ExportHttp.Url("households.jsonl", "id,perCapitaNetIncome", order: """[{"id":"ASC"}]"""));
        Assert.Equal(200, response.Status);
        var lines = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = Sql.Strings(fixture.App.Database,
            $"SELECT household_id || '|' || {TwoDecimals(provider, "per_capita_net_income_fen / 100.0")} FROM household ORDER BY household_id");
        var actual = lines.Select(l => MoneyLine().Match(l)).Select(m => m.Success ? m.Groups[1].Value + "|" + m.Groups[2].Value : "no match").ToList();
        Assert.Equal(expected, actual);
        // Whole 元 amounts too (the case that made a column's type depend on the sample): 8500.00, not 8500.
        Assert.Contains(actual, a => a.EndsWith(".00", StringComparison.Ordinal) || a.EndsWith('0'));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Aggregate_measures_are_rounded_money_2_rates_4(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var rows = await ExportHttp.CsvAsync(client,
            "/export/aggregate/households.csv?groupBy=villageCode"
            + "&measures=count,avg.perCapitaNetIncome,sum.perCapitaNetIncome,shareBelow8500,avg.householdSize");
        Assert.Equal(["villageCode", "count", "avg.perCapitaNetIncome", "sum.perCapitaNetIncome", "shareBelow8500", "avg.householdSize"], rows[0]);
        var expected = Sql.Strings(fixture.App.Database, $"""
            SELECT village_code || '|' || {TwoDecimals(provider, "ROUND(AVG(per_capita_net_income_fen) / 100.0 + 0.0000001, 2)")} || '|' ||
              {TwoDecimals(provider, "SUM(per_capita_net_income_fen) / 100.0")}
              || '|' || ROUND(SUM(CASE WHEN per_capita_net_income_fen < 850000 THEN 1 ELSE 0 END) * 1.0 / COUNT(*), 4) || '|' || ROUND(AVG(household_size), 4)
            FROM household GROUP BY village_code
            """).ToHashSet(StringComparer.Ordinal);
        var actual = rows.Skip(1).Select(r =>
        {
            Assert.Matches(@"^-?\d+\.\d{2}$", r[2]);
            Assert.Matches(@"^-?\d+\.\d{2}$", r[3]);
            Assert.Matches(@"^\d+(\.\d{1,4})?$", r[4]);
            Assert.Matches(@"^\d+(\.\d{1,4})?$", r[5]);
            return string.Join('|', r[0], r[2], r[3], Number(r[4]), Number(r[5]));
        }).ToHashSet(StringComparer.Ordinal);
        var expectedNormalised = expected.Select(e => e.Split('|')).Select(p => string.Join('|', p[0], p[1], p[2], Number(p[3]), Number(p[4])))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedNormalised, actual);
    }

    private static string Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex("""^\{"id":"([^"]+)","perCapitaNetIncome":(-?\d+\.\d{2})\}$""")]
    private static partial Regex MoneyLine();
}
