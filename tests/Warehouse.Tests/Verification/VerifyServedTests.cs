using System.Globalization;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>
/// verify's verdict holds for the API itself: a view mapped with types other than the shipped ones, which verify
/// accepts, is served with the right values; one whose type verify refuses fails in the API too.
/// </summary>
public sealed class VerifyServedTests
{
    private const string Funds = "{ funds(first: 500) { totalCount nodes { id amount year } } }";

    [ProviderTheory]
    [MemberData(nameof(ProviderRows))]
    public async Task A_mapping_verify_accepts_is_served_with_its_values(DatabaseProvider provider)
    {
        var db = TestDatabase.Copy(provider);
        // PostgreSQL: money as integer and the year as smallint (the shipped types are bigint and integer);
        // SQLite: computed columns, which declare no type.
        ViewSurgery.Redefine(db, "fund_allocations", c => c switch
        {
            "amount_fen" => provider == DatabaseProvider.PostgreSql ? "CAST(o.amount_fen AS integer)" : "o.amount_fen + 0",
            "year" => provider == DatabaseProvider.PostgreSql ? "CAST(o.year AS smallint)" : "o.year + 0",
            _ => null,
        });
        using var app = new WarehouseApp(db);

        var report = Verify(db);
        Assert.True(report.Servable, string.Join("; ", report.Rules.Where(r => !r.Passed).Select(r => $"{r.Rule}: {string.Join(", ", r.Sample)}")));

        var data = await WarehouseApp.DataAsync(app.ClientFor(Roles.County, "139901000000"), Funds);
        var nodes = data["funds"]!["nodes"]!.AsArray();
        Assert.Equal(Sql.Scalar(db, "SELECT COUNT(*) FROM api_fund_allocations"), nodes.Count);
        Assert.Equal(Sql.Scalar(db, "SELECT SUM(amount_fen) FROM api_fund_allocations"),
            nodes.Sum(n => (long)(decimal.Parse(n!["amount"]!.ToJsonString(), CultureInfo.InvariantCulture) * 100)));
        Assert.Equal(Sql.Scalar(db, "SELECT SUM(year) FROM api_fund_allocations"), nodes.Sum(n => (long)n!["year"]!.GetValue<int>()));
    }

    public static TheoryData<DatabaseProvider> ProviderRows() => Providers.Each();

    /// <summary>
    /// numeric money on PostgreSQL: Npgsql reads it as a whole number without complaint, so the API answers with a
    /// value that is not the stored one. That is why column-type refuses it (an error, not a warning).
    /// </summary>
    [ProviderTheory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_type_verify_refuses_is_not_served_right(DatabaseProvider provider)
    {
        var db = TestDatabase.Copy(provider);
        var key = Sql.Strings(db, "SELECT MIN(alloc_id) FROM api_fund_allocations").Single();
        ViewSurgery.Redefine(db, "fund_allocations", c =>
            c == "amount_fen" ? $"CASE WHEN o.alloc_id = '{key}' THEN o.amount_fen + 0.5 ELSE o.amount_fen END" : null);
        using var app = new WarehouseApp(db);
        var stored = decimal.Parse(Sql.Strings(db, $"SELECT CAST(amount_fen AS TEXT) FROM api_fund_allocations WHERE alloc_id = '{key}'").Single(),
            CultureInfo.InvariantCulture);

        var report = Verify(db);
        var failed = Assert.Single(report.Rules, r => !r.Passed);
        Assert.Equal("column-type", failed.Rule);

        var body = await WarehouseApp.PostAsync(app.ClientFor(Roles.County, "139901000000"), $"{{ fund(id: \"{key}\") {{ amount }} }}", expectStatus: null);
        var served = body["data"]?["fund"]?["amount"] is { } amount ? decimal.Parse(amount.ToJsonString(), CultureInfo.InvariantCulture) * 100 : (decimal?)null;
        Assert.True(body["errors"] is not null || served != stored, $"served {served} fen, stored {stored}");
    }

    private static VerificationReport Verify(TestDatabase db)
    {
        using var connection = db.Provider == DatabaseProvider.PostgreSql ? new Npgsql.NpgsqlConnection(
            db.ConnectionString) : (System.Data.Common.DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString);
        connection.Open();
        return new Verifier(WarehouseCatalogue.Default, new VerifyOptions { Today = TestDatabase.ReferenceDate }).Run(connection, db.Provider, db.Path);
    }
}
