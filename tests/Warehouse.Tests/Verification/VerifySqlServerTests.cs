using Microsoft.Data.SqlClient;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;
using Warehouse.Tests.Infrastructure;
using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>
/// verify on a real SQL Server, when WAREHOUSE_SQLSERVER names an empty database (skipped otherwise; the statements
/// are bound without a server by <see cref="VerifySqlServerStatementTests"/>): the shipped schema with a generated
/// county is servable with no finding.
/// </summary>
public sealed class VerifySqlServerTests
{
    [SqlServerFact]
    public void The_shipped_schema_on_SQL_Server_is_servable_with_no_finding()
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
        using var connection = new SqlConnection(options.ConnectionString);
        connection.Open();

        var report = new Verifier(WarehouseCatalogue.Default, new VerifyOptions { Today = TestDatabase.ReferenceDate })
            .Run(connection, DatabaseProvider.SqlServer, "test");

        Assert.All(report.Rules, r => Assert.True(r.Passed, $"{r.Rule}: {r.Count} {string.Join("; ", r.Sample)} {string.Join("; ", r.Failures)}"));
        Assert.All(report.Views, v => Assert.True(v.Exists && v.ColumnsFound == v.Columns && v.Rows is not null, v.ToString()));
    }
}
