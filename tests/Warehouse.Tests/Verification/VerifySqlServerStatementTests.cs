using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Tests.Database;
using Warehouse.Tests.Database.TSqlBinding;
using Warehouse.Verification;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Verification;

/// <summary>
/// verify on SQL Server without a server: every statement it would run on a warehouse laid out as db/sqlserver
/// (the views and columns those scripts create, with the types they declare) is parsed with ScriptDom and bound
/// against those objects (<see cref="TSqlBinder"/>), and so is the statement reading INFORMATION_SCHEMA.COLUMNS.
/// </summary>
public sealed class VerifySqlServerStatementTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_verify_statement_for_SQL_Server_binds_against_the_db_sqlserver_objects()
    {
        var catalogue = TSqlObjectCatalogue.FromScripts(RepoPaths.Db("sqlserver"));
        Assert.Empty(catalogue.Problems);
        // The one system view verify reads, with the columns it uses (as SQL Server defines them).
        catalogue.Apply("information_schema", """
            CREATE SCHEMA INFORMATION_SCHEMA
            GO
            CREATE TABLE INFORMATION_SCHEMA.COLUMNS (TABLE_CATALOG nvarchar(128), TABLE_SCHEMA nvarchar(128), TABLE_NAME nvarchar(128),
                COLUMN_NAME nvarchar(128), ORDINAL_POSITION int, DATA_TYPE nvarchar(128))
            """);
        Assert.Empty(catalogue.Problems);

        // The schema verify would read there: every api view the scripts create, contract columns with their script types.
        var columns = new List<(string, ViewColumn)>();
        foreach (var entity in WarehouseCatalogue.Default.Entities)
        {
            var view = catalogue.Find("api", entity.View);
            Assert.True(view is not null, $"db/sqlserver creates no api.{entity.View}");
            var contract = Contract.Columns(entity).ToDictionary(c => c.Name);
            columns.AddRange(view!.Columns.Select(c => (entity.View, new ViewColumn(c, contract.TryGetValue(c, out var cc)
                ? TypeCompatibility.Canonical(DatabaseProvider.SqlServer, cc.ValueType).Split(' ')[0] : "int"))));
        }
        var schema = new DatabaseSchema(DatabaseProvider.SqlServer, columns);
        var statements = new Verifier(WarehouseCatalogue.Default, new VerifyOptions { Today = new DateOnly(2025, 12, 31) }).Statements(schema).ToList();

        var binder = new TSqlBinder(catalogue);
        var problems = binder.Bind(SchemaReader.Statement(DatabaseProvider.SqlServer)).Select(p => $"schema reader: {p}").ToList();
        foreach (var (rule, entity, sql) in statements)
        {
            problems.AddRange(binder.Bind(sql).Select(p => $"{rule.Name} on {entity.View}: {p}{Environment.NewLine}{sql}"));
        }

        output.WriteLine($"{statements.Count} statements; {binder.ObjectReferences} view references, {binder.ColumnReferences} column references bound.");
        output.WriteLine(statements.First(s => s.Rule is RegionCodeRule && s.Entity.View == "households").Sql);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, problems.Take(10)));
        Assert.Equal(0, binder.UncheckedColumnReferences);
        // Each data rule that applies to SQL Server produced statements (the SQLite-only ones have nothing to check there).
        var ran = statements.Select(s => s.Rule.Name).ToHashSet();
        Assert.Empty(Verifier.Rules.OfType<DataRule>().Where(r => r is not (MoneyWholeFenRule or DateFormatRule)).Select(r => r.Name).Except(ran));
        Assert.DoesNotContain(statements, s => s.Rule is MoneyWholeFenRule or DateFormatRule);
        Assert.All(statements, s => Assert.StartsWith(s.Rule is ViewReadableRule ? "SELECT COUNT(*)" : "SELECT TOP (5) ", s.Sql));
    }
}
