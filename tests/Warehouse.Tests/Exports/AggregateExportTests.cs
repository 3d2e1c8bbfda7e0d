using System.Globalization;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>The aggregate CSV export equals plain SQL's GROUP BY within the reader's region, with the same refusals and audit.</summary>
public sealed class AggregateExportTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    public static TheoryData<DatabaseProvider, string, string> BadExports => Providers.With(new TheoryData<string, string>
    {
        { "groupBy=shoeSize", "INVALID_VALUE" },
        { "measures=sum.nothing", "INVALID_VALUE" },
        { "where=%7Bnope", "INVALID_FILTER" },
    });

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Grouped_csv_equals_sql_within_the_township(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var township = fixture.Township;
        var client = fixture.App.ClientFor("township", township, user: "pivot-user");
        var rows = await ExportHttp.CsvAsync(client,
            "/export/aggregate/households.csv?groupBy=villageCode,monitorType&measures=count,sum.householdSize,max.perCapitaNetIncome&bom=true");
        Assert.StartsWith("\uFEFF", rows[0][0], StringComparison.Ordinal); // bom=true, for Excel
        rows[0][0] = rows[0][0].TrimStart('\uFEFF');
        Assert.Equal(["villageCode", "monitorType", "count", "sum.householdSize", "max.perCapitaNetIncome"], rows[0]);
        var db = fixture.App.Database;
        using var c = db.Connect();
        using var cmd = Sql.Command(db, c, """
            SELECT village_code, IFNULL(monitor_type, ''), COUNT(*), SUM(household_size), MAX(per_capita_net_income_fen)
            FROM household WHERE township_code = @t GROUP BY village_code, monitor_type
            """, [("@t", township)]);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        using (var r = cmd.ExecuteReader())
        {
            // Integers as either provider returns them (SQLite long; PostgreSQL long or numeric for SUM of bigint).
            long Long(int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
            while (r.Read())
            {
                expected.Add(string.Join('|', r.GetString(0), r.GetString(1), Long(2).ToString(CultureInfo.InvariantCulture),
                    Long(3).ToString(CultureInfo.InvariantCulture), (Long(4) / 100m).ToString("0.00", CultureInfo.InvariantCulture)));
            }
        }
        var actual = rows.Skip(1).Select(r => string.Join('|', r[0], r[1], r[2], r[3], decimal.Parse(r[4], CultureInfo.InvariantCulture)
            .ToString("0.00", CultureInfo.InvariantCulture))).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(1,
            Sql.Scalar(fixture.App.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'pivot-user' AND operation = 'aggregate/households.csv'"));
    }

    [ProviderTheory]
    [MemberData(nameof(BadExports))]
    public async Task Bad_aggregate_exports_are_400(DatabaseProvider provider, string parameters, string code)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client, "/export/aggregate/households.csv?" + parameters);
        Assert.Equal(400, response.Status);
        Assert.Equal(code, response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Masked_fields_cannot_be_grouped_in_exports(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client, "/export/aggregate/members.csv?groupBy=birthDateYear");
        Assert.Equal(400, response.Status);
        Assert.Contains(response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), new[] { "FIELD_MASKED", "INVALID_VALUE" });
    }
}
