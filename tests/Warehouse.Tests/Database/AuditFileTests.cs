using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;
using Warehouse.Security;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Database;

/// <summary>
/// SQLite keeps the audit trail in a file of its own (<see cref="SqliteAuditFile"/>, db/sqlite/0010_audit_file.sql):
/// where the table is, that an existing trail moves with its rows, that a missing audit file fails closed (never a
/// fresh empty trail), that pooled handles and replicas are handled, and the reason for it all: an audit commit
/// leaves the readers' page cache of the data file warm. Files are checked with plain connections that attach nothing.
/// </summary>
public sealed class AuditFileTests(ITestOutputHelper output) : IDisposable
{
    private readonly List<string> _files = [];

    [Fact]
    public void A_migrated_database_keeps_the_audit_trail_in_the_audit_file_only()
    {
        using var db = TestDatabase.Copy();
        Assert.Equal(Path.Combine(Path.GetDirectoryName(db.Path)!, Path.GetFileNameWithoutExtension(db.Path) + ".audit.db"), db.AuditPath);
        Assert.Equal(0, Count(db.Path, "SELECT COUNT(*) FROM sqlite_schema WHERE name LIKE '%audit%'"));
        Assert.Equal("sec_audit_record,ix_audit_at,ix_audit_kind,ix_audit_user,tr_audit_no_delete,tr_audit_no_update", string.Join(",", Strings(db.AuditPath,
            "SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', name")));
        // Append-only holds in the audit file too.
        using var c = db.Open();
        Execute(c, "INSERT INTO sec_audit_record (at, user_id, kind) VALUES ('2026-12-01 00:00:00', 'append-only', 'DATA_ACCESS')");
        Assert.Equal(1, Count(db.AuditPath, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'append-only'"));
        Assert.Throws<SqliteException>(() => Execute(c, "UPDATE sec_audit_record SET user_id = 'x'"));
        Assert.Throws<SqliteException>(() => Execute(c, "DELETE FROM sec_audit_record"));
    }

    [Fact]
    public void An_existing_trail_moves_into_the_audit_file_with_its_rows()
    {
        var options = NewDatabase();
        MigrationRunner.Run(options, null, name => !name.EndsWith("." + MigrationRunner.AuditFileScript, StringComparison.Ordinal));
        var path = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        using (var c = Plain(path))
        {
            Execute(c, "INSERT INTO sec_audit_record (at, user_id, role, kind, type_name, row_count, detail) VALUES " +
                "('2026-11-30 08:00:00', 'u1', 'county', 'DATA_ACCESS', 'Household', 50, '[\"name\"]'), " +
                "('2026-11-30 08:00:01', 'u2', 'village', 'REVEAL', 'Member', NULL, NULL), " +
                "('2026-11-30 08:00:02', 'admin', NULL, 'PERMISSION_CHANGE', 'Household', NULL, 'x')");
        }
        var before = Strings(path, Everything);
        Assert.Equal(3, before.Count);

        var result = MigrationRunner.Run(options);

        Assert.Equal([MigrationRunner.AuditFileScript], result.Scripts.Select(s => s[(s.LastIndexOf(".db.sqlite.", StringComparison.Ordinal) + 11)..]));
        Assert.Equal(before, Strings(SqliteAuditFile.PathFor(options), Everything));
        Assert.Equal(0, Count(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'sec_audit_record'"));
        Assert.Equal("wal", Strings(path, "PRAGMA journal_mode").Single());
        Assert.Equal("wal", Strings(SqliteAuditFile.PathFor(options), "PRAGMA journal_mode").Single());
        // The server's contexts write there, and the sequence carried on from the moved rows.
        using (var db = DbContextFactory.Create(options))
        {
            db.AuditRecords.Add(new AuditRecordRow { At = DateTime.UtcNow, UserId = "after", Kind = "DATA_ACCESS" });
            db.SaveChanges();
        }
        Assert.Equal(4, Count(SqliteAuditFile.PathFor(options), "SELECT id FROM sec_audit_record WHERE user_id = 'after'"));
    }

    [Fact]
    public void Without_its_audit_file_nothing_is_audited_and_no_empty_trail_is_created()
    {
        using var copy = TestDatabase.Copy();
        File.Delete(copy.AuditPath);
        var options = new DatabaseOptions { ConnectionString = copy.ConnectionString };

        var migrate = Assert.Throws<MigrationException>(() => MigrationRunner.Run(options));
        Assert.Contains(copy.AuditPath, migrate.Message, StringComparison.Ordinal);
        var start = Assert.Throws<InvalidOperationException>(() => SqliteAuditFile.EnsureAvailable(options));
        Assert.Contains(copy.AuditPath, start.Message, StringComparison.Ordinal);

        using (var db = DbContextFactory.Create(options))
        {
            // Data that needs no audit record is still readable; an audit record cannot be written anywhere.
            Assert.Equal(Count(copy.Path, "SELECT COUNT(*) FROM household"), db.Set<Warehouse.Households.Household>().Count());
            db.AuditRecords.Add(new AuditRecordRow { At = DateTime.UtcNow, UserId = "nobody", Kind = "DATA_ACCESS" });
            Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        }
        Assert.False(File.Exists(copy.AuditPath));
    }

    [Fact]
    public void A_pooled_handle_is_attached_once()
    {
        using var copy = TestDatabase.Copy();
        var options = new DatabaseOptions { ConnectionString = new SqliteConnectionStringBuilder(copy.ConnectionString) { Pooling = true }.ToString() };
        var handles = new List<SQLitePCL.sqlite3>();
        for (var i = 0; i < 3; i++)
        {
            using var db = DbContextFactory.Create(options);
            db.Database.OpenConnection();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            handles.Add(connection.Handle!);
            Assert.Equal(["main", "audit"], ReadAll(connection, "SELECT name FROM pragma_database_list"));
            // Found through the unqualified name, as the audit writer finds it.
            Assert.Equal(0, db.AuditRecords.Count(r => r.UserId == "pooled"));
        }
        // The test is about reuse: the pool must have handed out the same native handle again.
        Assert.Same(handles[0], handles[2]);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_replica_reads_data_without_an_audit_file()
    {
        using var primary = TestDatabase.Copy();
        using var replica = TestDatabase.Copy();
        File.Delete(replica.AuditPath);
        var reads = new ReadContexts(new OptionsContextFactory(new DatabaseOptions { ConnectionString = primary.ConnectionString }),
            [new ReadReplica("WarehouseRead", new DatabaseOptions { ConnectionString = $"Data Source={replica.Path};Mode=ReadOnly;Pooling=False" })],
            new ReadReplicaOptions { FallbackToPrimary = false });

        await using (var db = await reads.CreateAsync(CancellationToken.None))
        {
            Assert.Equal(replica.Path, db.Database.GetDbConnection().DataSource);
            Assert.Equal(Count(replica.Path, "SELECT COUNT(*) FROM household"), await db.Set<Warehouse.Households.Household>().CountAsync());
            Assert.Equal(["main"], ReadAll((SqliteConnection)db.Database.GetDbConnection(), "SELECT name FROM pragma_database_list"));
        }
        Assert.False(File.Exists(replica.AuditPath));
    }

    /// <summary>
    /// The point of the audit file, measured with SQLite's own counter (<c>SQLITE_DBSTATUS_CACHE_MISS</c>): a reader
    /// that has read a page of households reads it again after another connection commits an audit record. Before
    /// (the database as 0009 left it, the trail in the data file) that re-read misses the cache for every page; now
    /// it misses none. A commit to the data file itself still empties the cache: the counter sees it.
    /// </summary>
    [Fact]
    public void An_audit_commit_leaves_the_readers_cache_of_the_data_warm()
    {
        var before = NewDatabase();
        MigrationRunner.Run(before, null, name => !name.EndsWith("." + MigrationRunner.AuditFileScript, StringComparison.Ordinal));
        Seeder.Seed(before, new GeneratorOptions { Households = 500, Seed = 7, ReferenceDate = TestDatabase.ReferenceDate });
        var (beforeAudit, beforeData) = MissesAfterCommits(before);
        MigrationRunner.Run(before);
        var (afterAudit, afterData) = MissesAfterCommits(before);
        output.WriteLine($"cache misses of the re-read after an audit commit: before {beforeAudit}, after {afterAudit}; " +
            $"after a data commit: {beforeData}, {afterData}");

        Assert.True(beforeAudit > 10, $"before: {beforeAudit}");
        Assert.Equal(0, afterAudit);
        Assert.True(afterData > 10, $"after, data commit: {afterData}");
    }

    private static (int AfterAudit, int AfterData) MissesAfterCommits(DatabaseOptions options)
    {
        const string page = "SELECT COUNT(*), SUM(per_capita_net_income_fen), SUM(LENGTH(village_code)) FROM household";
        using var reader = Attached(options);
        using var writer = Attached(options);
        Execute(reader, page);
        Execute(reader, page);
        Misses(reader);
        Execute(writer, "INSERT INTO sec_audit_record (at, user_id, kind) VALUES ('2026-12-01 00:00:00', 'cache-test', 'DATA_ACCESS')");
        Execute(reader, page);
        var afterAudit = Misses(reader);
        Execute(writer, "UPDATE sec_matrix_version SET version = version + 1");
        Execute(reader, page);
        return (afterAudit, Misses(reader));
    }

    private static int Misses(SqliteConnection c)
    {
        SQLitePCL.raw.sqlite3_db_status(c.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_MISS, out var current, out _, 1);
        return current;
    }

    private const string Everything =
        "SELECT id || '|' || at || '|' || user_id || '|' || IFNULL(role, '') || '|' || kind || '|' || IFNULL(type_name, '') || '|' || " +
        "IFNULL(row_count, '') || '|' || IFNULL(detail, '') FROM sec_audit_record ORDER BY id";

    private DatabaseOptions NewDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), $"warehouse-auditfile-{Guid.NewGuid():N}.db");
        _files.Add(path);
        return new DatabaseOptions { ConnectionString = $"Data Source={path};Pooling=False" };
    }

    private static SqliteConnection Attached(DatabaseOptions options)
    {
        var c = new SqliteConnection(options.ConnectionString);
        c.Open();
        SqliteAuditFile.Attach(c, SqliteAuditFile.PathFor(options));
        return c;
    }

    private static SqliteConnection Plain(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        return c;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    private static long Count(string path, string sql)
    {
        using var c = Plain(path);
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(string path, string sql)
    {
        using var c = Plain(path);
        return ReadAll(c, sql);
    }

    private static List<string> ReadAll(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _files)
        {
            foreach (var file in new[] { path, SqliteAuditFile.PathFor($"Data Source={path}") })
            {
                foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
                {
                    File.Delete(f);
                }
            }
        }
    }
}
