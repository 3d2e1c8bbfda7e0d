using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>If the audit trail cannot be written, no personal data leaves the server.</summary>
public sealed class AuditFailureTests : IDisposable
{
    private readonly WarehouseApp _app = new();

    [Fact]
    public async Task No_data_when_the_audit_record_cannot_be_written()
    {
        var client = _app.ClientFor("county", "139901000000");
        await WarehouseApp.DataAsync(client, "{ regions(first: 1) { totalCount } }");
        Sql.Execute(_app.Database, "CREATE TRIGGER audit.tr_test_audit_down BEFORE INSERT ON sec_audit_record BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        var body = await WarehouseApp.PostAsync(client, "{ members(first: 3) { nodes { id name } } }", expectStatus: 503);
        Assert.Equal("AUDIT_UNAVAILABLE", WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]);
        // Public data needs no audit record and still flows.
        await WarehouseApp.DataAsync(client, "{ projects(first: 1) { nodes { code } } }");
    }

    public void Dispose() => _app.Dispose();
}
