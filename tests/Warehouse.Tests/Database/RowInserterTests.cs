using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Data;
using Warehouse.Security;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>
/// The audit trail's plain INSERT (<see cref="RowInserter"/>) writes what SaveChanges wrote: every column, times in
/// the provider's stored form (EF Core reads them back as the same instant), identity keys from the database; more
/// rows than one statement takes go in several statements of one transaction, and a bad row in a later statement
/// leaves nothing behind. Read back with plain SQL.
/// </summary>
public sealed class RowInserterTests
{
    private static readonly DateTime At = new(2026, 12, 2, 3, 4, 5, 123, DateTimeKind.Utc);

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rows_are_stored_as_SaveChanges_stores_them(DatabaseProvider provider)
    {
        using var app = new WarehouseApp(provider);
        await using var db = await Context(app);
        var rows = Rows("row-inserter", RowInserter.For<AuditRecordRow>(db).RowsPerStatement + 2);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await RowInserter.For<AuditRecordRow>(db).InsertAsync(db, rows, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var table = Table(provider);
        Assert.Equal(rows.Count, Sql.Scalar(app.Database, $"SELECT COUNT(*) FROM {table} WHERE user_id LIKE 'row-inserter-%'"));
        Assert.Equal(rows.Count, Sql.Scalar(app.Database, $"SELECT COUNT(DISTINCT id) FROM {table} WHERE user_id LIKE 'row-inserter-%'"));
        Assert.Equal("county|DATA_ACCESS|Household||7|[\"idNumber\"]", Sql.Text(app.Database,
            $"SELECT role || '|' || kind || '|' || type_name || '|' || COALESCE(field_name, '') || '|' || row_count || '|' || detail FROM {table} "
            + "WHERE user_id = 'row-inserter-7'"));
        // Read back through EF Core's mapping: the same instant, so range queries over the trail keep working.
        var stored = await db.AuditRecords.AsNoTracking().Where(r => r.UserId == "row-inserter-0").SingleAsync();
        Assert.Equal(At, stored.At);
        Assert.Null(stored.Operation);
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_bad_row_in_a_later_statement_leaves_nothing(DatabaseProvider provider)
    {
        using var app = new WarehouseApp(provider);
        await using var db = await Context(app);
        var rows = Rows("row-inserter-bad", RowInserter.For<AuditRecordRow>(db).RowsPerStatement + 1);
        rows[^1].Kind = null!; // NOT NULL: the second statement fails after the first succeeded
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => RowInserter.For<AuditRecordRow>(db).InsertAsync(db, rows, CancellationToken.None));
        }

        Assert.Equal(0, Sql.Scalar(app.Database, $"SELECT COUNT(*) FROM {Table(provider)} WHERE user_id LIKE 'row-inserter-bad-%'"));
    }

    private static Task<WarehouseDbContext> Context(WarehouseApp app) =>
        app.Services.GetRequiredService<IDbContextFactory<WarehouseDbContext>>().CreateDbContextAsync();

    private static string Table(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sec_audit_record" : "sec.audit_record";

    private static List<AuditRecordRow> Rows(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => new AuditRecordRow
    {
        At = At, UserId = $"{prefix}-{i}", Role = "county", Kind = AuditKinds.DataAccess, TypeName = "Household", RowCount = i,
        Detail = "[\"idNumber\"]",
    })];
}
