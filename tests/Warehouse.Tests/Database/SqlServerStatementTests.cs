using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warehouse.Data;
using Warehouse.Tests.Database.SqlServerShadow;
using Warehouse.Tests.Database.TSqlBinding;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Database;

/// <summary>
/// SQL Server without a server: the real API runs on SQLite while every query it executes is also compiled by EF
/// Core's SQL Server provider on the SQL Server model (and every SaveChanges replayed there), with the commands
/// recorded instead of sent (<see cref="ShadowSqlServer"/>). The generated shapes cover every connection, filter
/// operator, relation filter, order, keyset direction, nested batch, aggregate key and measure, export, reveal and
/// administrative write, for each data role. Each recorded statement is parsed with ScriptDom and its tables and
/// columns are bound against the objects the db/sqlserver scripts create (<see cref="TSqlBinder"/>).
/// </summary>
[Collection(SqlServerShadowCollection.Name)]
public sealed class SqlServerStatementTests(ITestOutputHelper output)
{
    /// <summary>What the shapes must have exercised, so a generator that silently produces nothing cannot pass.</summary>
    private static readonly string[] MustCover =
    [
        "eq", "eq null", "neq", "neq null", "in", "nin", "gt", "gte", "lt", "lte", "contains", "ncontains", "startsWith", "nstartsWith",
        "endsWith", "nendsWith", "and", "or", "not", "nested and/or/not", "relation some", "relation none", "relation all",
        "relation any", "to-one relation", "list some", "list none", "list any", "keyset", "named measures", "countDistinct",
        "sum", "avg", "min", "max", "median", "p25", "p75", "p90", "having/order", "order by key", "row export",
        "aggregate export", "reveal", "api keys", "persisted documents", "administration",
    ];

    [Fact]
    [Trait("Category", TestCategories.Slow)]
    public async Task Every_statement_for_SQL_Server_binds_against_the_db_sqlserver_objects()
    {
        var catalogue = TSqlObjectCatalogue.FromScripts(RepoPaths.Db("sqlserver"));
        Assert.True(catalogue.Problems.Count == 0, string.Join(Environment.NewLine, catalogue.Problems));

        var shadow = new ShadowSqlServer();
        using var baseApp = new WarehouseApp();
        // Without log providers: thousands of requests would otherwise print every SQLite command to the console.
        using var app = baseApp.WithWebHostBuilder(b => b.ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(s => s.ConfigureDbContext<WarehouseDbContext>((_, o) => o
            .ReplaceService<IAsyncQueryProvider, ShadowQueryProvider>()
            .AddInterceptors(new ShadowSaveInterceptor()))));
        var run = new ShapeRun(app, baseApp.Database, shadow);
        var started = System.Diagnostics.Stopwatch.StartNew();
        ShadowSqlServer.Current = shadow;
        try
        {
            await run.AllAsync();
        }
        finally
        {
            ShadowSqlServer.Current = null;
        }
        // The migration's EF part (default permissions) runs on a context of its own, outside the API: on the twin directly.
        shadow.Origin = "migration: default permissions";
        var beforeMigration = shadow.Statements.Count;
        using (var db = shadow.CreateContext())
        {
            try
            {
                Warehouse.Migrations.DefaultPermissions.Install(db);
            }
            catch (DbUpdateException)
            {
                // The inert server reports no affected rows after the INSERTs were recorded.
            }
        }
        Assert.True(shadow.Statements.Count > beforeMigration, "the default-permission install produced no statement");
        // Request-time audit records are appended with a plain INSERT (RowInserter), not SaveChanges, so nothing above
        // replays them: the same statements for one row and for more rows than fit one statement, on the twin directly.
        shadow.Origin = "audit: rows appended";
        var beforeAppend = shadow.Statements.Count;
        using (var db = shadow.CreateContext())
        {
            var inserter = RowInserter.For<Warehouse.Security.AuditRecordRow>(db);
            foreach (var count in new[] { 1, inserter.RowsPerStatement + 1 })
            {
                var rows = Enumerable.Range(0, count).Select(i => new Warehouse.Security.AuditRecordRow
                {
                    At = DateTime.UtcNow, UserId = "u" + i, Role = "county", Kind = "DATA_ACCESS", TypeName = "Household", RowCount = i,
                    Detail = "[\"idNumber\"]",
                }).ToList();
                await inserter.InsertAsync(db, rows, CancellationToken.None);
            }
        }
        Assert.Equal(3, shadow.Statements.Count - beforeAppend);

        var binder = new TSqlBinder(catalogue);
        var problems = new List<string>();
        var distinct = shadow.Statements.DistinctBy(s => s.Sql).ToList();
        foreach (var statement in distinct)
        {
            foreach (var p in binder.Bind(statement.Sql))
            {
                problems.Add($"{p}{Environment.NewLine}{statement}");
            }
        }

        output.WriteLine(
            $"{run.Requests} requests in {started.Elapsed.TotalSeconds:0.0} s; {shadow.Statements.Count} SQL Server statements captured, " +
            $"{distinct.Count} distinct.");
        output.WriteLine(
            $"Bound: {binder.Statements} statements, {binder.ObjectReferences} table/view references, {binder.ColumnReferences} column references " +
            $"checked, {binder.UncheckedColumnReferences} column references to sources of unknown columns (not checked).");
        output.WriteLine($"Catalogue: {catalogue.Objects.Count} tables and views from db/sqlserver ({catalogue.Objects.Count(o => o.IsView)} views).");
        output.WriteLine($"Refused for permissions (expected for some roles): {run.Refused.Count}.");
        foreach (var r in run.Refused.Take(10))
        {
            output.WriteLine("  " + r);
        }
        foreach (var s in distinct.Take(3))
        {
            output.WriteLine(s.ToString());
        }

        var report = new List<string>();
        if (shadow.Failures.Count > 0)
        {
            report.Add($"The SQL Server provider failed {shadow.Failures.Count} times:" + Environment.NewLine
                + string.Join(Environment.NewLine, shadow.Failures.Take(10)));
        }
        if (run.Unexpected.Count > 0)
        {
            report.Add($"{run.Unexpected.Count} requests failed:" + Environment.NewLine + string.Join(Environment.NewLine, run.Unexpected.Take(10)));
        }
        if (problems.Count > 0)
        {
            report.Add($"{problems.Count} binding problems:" + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, problems.Take(20)));
        }
        Assert.True(report.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, report));
        Assert.Empty(MustCover.Except(run.Covered));
        Assert.Equal(0, binder.UncheckedColumnReferences);
        Assert.Contains(shadow.Statements, s => s.Sql.Contains("[api].[households]", StringComparison.Ordinal));
        Assert.Contains(shadow.Statements, s => s.Sql.Contains("INSERT INTO [sec].[audit_record]", StringComparison.Ordinal)
            || s.Sql.Contains("MERGE [sec].[audit_record]", StringComparison.Ordinal));
    }
}

/// <summary>The shadow is process-wide (<see cref="ShadowSqlServer.Current"/>): its test runs alone in its collection.</summary>
[CollectionDefinition(Name)]
public sealed class SqlServerShadowCollection
{
    public const string Name = "SQL Server shadow";
}
