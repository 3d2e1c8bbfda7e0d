using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>
/// The production dialect end to end: migrations (twice, the second applying nothing), the generator's bulk
/// copy, and the API over SQL Server compared with plain T-SQL. Needs WAREHOUSE_SQLSERVER (an empty database).
/// </summary>
public sealed class SqlServerIntegrationTests
{
    private static readonly Lazy<DatabaseOptions> Prepared = new(() =>
    {
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer, ConnectionString = Environment.GetEnvironmentVariable(
            SqlServerFactAttribute.Variable)!
        };
        MigrationRunner.Run(options);
        if (!Seeder.HasData(options))
        {
            Seeder.Seed(options, new GeneratorOptions { Households = 600, Seed = 11, ReferenceDate = TestDatabase.ReferenceDate });
        }
        return options;
    });

    [SqlServerFact]
    public void Migrations_are_idempotent()
    {
        var again = MigrationRunner.Run(Prepared.Value);
        Assert.Empty(again.Scripts);
        Assert.Equal(0, again.DefaultPermissionsAdded);
    }

    [SqlServerFact]
    public async Task Graph_over_sql_server_matches_t_sql()
    {
        using var app = new SqlServerApp(Prepared.Value.ConnectionString);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Token("county", "139901000000"));
        var data = await WarehouseApp.DataAsync(client, """
            { households(where: {perCapitaNetIncome: {lt: 8500}}, order: [{perCapitaNetIncome: DESC}], first: 25) { totalCount nodes { id
              perCapitaNetIncome } } }
            """);
        await using var c = new SqlConnection(Prepared.Value.ConnectionString);
        await c.OpenAsync();
        await using var count = new SqlCommand("SELECT COUNT(*) FROM api.households WHERE per_capita_net_income_fen < 850000", c);
        Assert.Equal((int)(await count.ExecuteScalarAsync())!, data["households"]!["totalCount"]!.GetValue<int>());
        await using var ids = new SqlCommand(
            "SELECT TOP 25 household_id FROM api.households WHERE per_capita_net_income_fen < 850000 ORDER BY per_capita_net_income_fen DESC, household_id", c);
        var expected = new List<string>();
        await using (var r = await ids.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                expected.Add(r.GetString(0));
            }
        }
        Assert.Equal(expected, data["households"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
    }

    private sealed class SqlServerApp(string connection) : WebApplicationFactory<Program>
    {
        public string Token(string role, string region) =>
            new Warehouse.Security.LocalTokenIssuer(new Warehouse.Security.LocalIssuerOptions { SigningKey = WarehouseApp.SigningKey })
                .Issue("sqlserver-test", role, region, TimeSpan.FromMinutes(10));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Warehouse:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:Warehouse", connection);
            builder.UseSetting("Warehouse:SeedDemoOnStartup", "false");
            builder.UseSetting("Warehouse:Auth:LocalIssuer:Enabled", "true");
            builder.UseSetting("Warehouse:Auth:LocalIssuer:SigningKey", WarehouseApp.SigningKey);
        }
    }
}
