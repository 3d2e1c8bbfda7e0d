using Warehouse.Data;
using Warehouse.Import.Loading;
using Warehouse.Import.Specs;
using Warehouse.Import.Templates;
using Warehouse.Tests.Database;
using Warehouse.Tests.Database.TSqlBinding;
using Xunit;

namespace Warehouse.Tests.Import;

/// <summary>
/// Every statement the import runs on SQL Server — the reference reads, the MERGE upsert of each entity, the audit
/// insert and the exporter's reads — parsed with ScriptDom and bound against the objects db/sqlserver creates.
/// </summary>
public sealed class ImportSqlServerStatementTests
{
    [Fact]
    public void Every_import_statement_for_SQL_Server_binds_against_the_db_sqlserver_objects()
    {
        var catalogue = TSqlObjectCatalogue.FromScripts(RepoPaths.Db("sqlserver"));
        var binder = new TSqlBinder(catalogue);
        var dialect = new Dialect(DatabaseProvider.SqlServer);
        var statements = ReferenceIndex.Plan(dialect, ImportEntities.All).Select(p => p.Sql)
            .Concat(ImportEntities.All.Select(e => UpsertStatement.Sql(dialect, e)))
            .Concat(ImportEntities.All.Select(e => WarehouseExporter.SelectSql(dialect, e)))
            .Append(ImportAudit.Sql(dialect))
            .ToList();

        var problems = statements.SelectMany(s => binder.Bind(s).Select(p => $"{p}\n{s}")).ToList();

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.Equal(statements.Count, binder.Statements);
        Assert.Equal(0, binder.UncheckedColumnReferences);
        Assert.Contains(statements, s => s.StartsWith("MERGE [wh].[household] ", StringComparison.Ordinal));
        // Region references, workshops and every imported entity are read.
        Assert.Equal(ImportEntities.All.Count + 2, ReferenceIndex.Plan(dialect, ImportEntities.All).Count);
    }
}
