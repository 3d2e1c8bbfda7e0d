using System.Net;
using Microsoft.Data.Sqlite;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>Database faults: a clear coded error, /readyz failing, and service resuming by itself.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly WarehouseApp _app = new(("Warehouse:BusyTimeoutSeconds", "1"));

    [Fact]
    public async Task Database_gone_gives_503_and_service_resumes_when_it_is_back()
    {
        var client = _app.ClientFor("county", "139901000000");
        await WarehouseApp.DataAsync(client, "{ regions(first: 1) { totalCount } }");
        var path = _app.Database.Path;
        SqliteConnection.ClearAllPools();
        File.Move(path, path + ".away");
        try
        {
            // A directory where the file was: SQLite cannot open it at all.
            Directory.CreateDirectory(path);
            var body = await WarehouseApp.PostAsync(client, "{ regions(first: 1) { totalCount } }", expectStatus: 503);
            Assert.Equal("DATABASE_UNAVAILABLE", WarehouseApp.FirstErrorCode(body));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _app.CreateClient().GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            Directory.Delete(path);
            File.Move(path + ".away", path);
        }
        await WarehouseApp.DataAsync(client, "{ regions(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task A_locked_database_gives_a_bounded_wait_then_a_clear_error()
    {
        var admin = _app.ClientFor("admin", null);
        var version = (await WarehouseApp.DataAsync(admin, "{ permissionMatrix(role: \"village\", type: \"Member\") { field version } }"))["permissionMatrix"]!
            .AsArray().Single(c => c!["field"]!.GetValue<string>() == "gender")!["version"]!.GetValue<int>();
        const string change = "mutation($v: Int!) { setFieldAccess(changes: [{role: \"village\", type: \"Member\", field: \"gender\", access: " +
            "\"HIDDEN\", expectedVersion: $v}]) { version } }";
        using (var holder = _app.Database.Open())
        {
            using var lockCommand = holder.CreateCommand();
            lockCommand.CommandText = "BEGIN IMMEDIATE; UPDATE sec_matrix_version SET version = version WHERE id = 1;";
            lockCommand.ExecuteNonQuery();
            var started = DateTime.UtcNow;
            var body = await WarehouseApp.PostAsync(admin, change, new { v = version });
            Assert.Equal("DATABASE_BUSY", WarehouseApp.FirstErrorCode(body));
            Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }
        var ok = await WarehouseApp.DataAsync(admin, change, new { v = version });
        Assert.Equal(version + 1, ok["setFieldAccess"]![0]!["version"]!.GetValue<int>());
    }

    public void Dispose() => _app.Dispose();
}
