using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// Database faults on each provider: a clear coded error, /readyz failing, and service resuming by itself. Each
/// provider's own form of the fault: on SQLite the file is gone or another writer holds its lock; on PostgreSQL the
/// database refuses connections (its sessions ended) or another transaction holds the row lock.
/// </summary>
public sealed class FaultTests
{
    private static WarehouseApp AppOn(DatabaseProvider provider) => new(provider, ("Warehouse:BusyTimeoutSeconds", "1"));

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Database_gone_gives_503_and_service_resumes_when_it_is_back(DatabaseProvider provider)
    {
        using var app = AppOn(provider);
        var client = app.ClientFor("county", "139901000000");
        await WarehouseApp.DataAsync(client, "{ regions(first: 1) { totalCount } }");
        var bringBack = TakeAway(app.Database);
        try
        {
            var body = await WarehouseApp.PostAsync(client, "{ regions(first: 1) { totalCount } }", expectStatus: 503);
            Assert.Equal("DATABASE_UNAVAILABLE", WarehouseApp.FirstErrorCode(body));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.CreateClient().GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            bringBack();
        }
        await WarehouseApp.DataAsync(client, "{ regions(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/readyz")).StatusCode);
    }

    /// <summary>Makes the database unreachable for the server; the action returned makes it reachable again.</summary>
    private static Action TakeAway(TestDatabase db)
    {
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            // New sessions are refused (55000) and the server's open ones are ended (57P01), as when the server is
            // restarted or the database taken offline; the pools are cleared so no idle session outlives it.
            PostgresServer.Execute($"ALTER DATABASE {db.Path} WITH ALLOW_CONNECTIONS false");
            PostgresServer.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{db.Path}'");
            NpgsqlConnection.ClearAllPools();
            return () => PostgresServer.Execute($"ALTER DATABASE {db.Path} WITH ALLOW_CONNECTIONS true");
        }
        var path = db.Path;
        SqliteConnection.ClearAllPools();
        File.Move(path, path + ".away");
        // A directory where the file was: SQLite cannot open it at all.
        Directory.CreateDirectory(path);
        return () =>
        {
            Directory.Delete(path);
            File.Move(path + ".away", path);
        };
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_locked_database_gives_a_bounded_wait_then_a_clear_error(DatabaseProvider provider)
    {
        using var app = AppOn(provider);
        var admin = app.ClientFor("admin", null);
        var version = (await WarehouseApp.DataAsync(admin, "{ permissionMatrix(role: \"village\", type: \"Member\") { field version } }"))["permissionMatrix"]!
            .AsArray().Single(c => c!["field"]!.GetValue<string>() == "gender")!["version"]!.GetValue<int>();
        const string change = "mutation($v: Int!) { setFieldAccess(changes: [{role: \"village\", type: \"Member\", field: \"gender\", access: " +
            "\"HIDDEN\", expectedVersion: $v}]) { version } }";
        using (var holder = app.Database.Connect())
        {
            // Another writer: SQLite's whole-file write lock; on PostgreSQL the row lock of the matrix version,
            // which every permission change updates.
            var begin = provider == DatabaseProvider.Sqlite ? "BEGIN IMMEDIATE;" : "BEGIN;";
            using (var lockCommand = Sql.Command(app.Database, holder, begin + " UPDATE sec_matrix_version SET version = version WHERE id = 1;", []))
            {
                lockCommand.ExecuteNonQuery();
            }
            var started = DateTime.UtcNow;
            var body = await WarehouseApp.PostAsync(admin, change, new { v = version });
            Assert.Equal("DATABASE_BUSY", WarehouseApp.FirstErrorCode(body));
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
            using var rollback = Sql.Command(app.Database, holder, "ROLLBACK;", []);
            rollback.ExecuteNonQuery();
        }
        var ok = await WarehouseApp.DataAsync(admin, change, new { v = version });
        Assert.Equal(version + 1, ok["setFieldAccess"]![0]!["version"]!.GetValue<int>());
    }
}
