using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>If the EXPORT record cannot be written, the export is refused before any data is sent.</summary>
public sealed class ExportAuditFailureTests : IDisposable
{
    private readonly WarehouseApp _app = new();

    [Fact]
    public async Task No_data_when_the_export_cannot_be_audited()
    {
        var client = _app.ClientFor("county", "139901000000");
        Assert.Equal(200, (await ExportHttp.GetAsync(client, "/export/regions.csv?fields=code")).Status);
        Sql.Execute(_app.Database, "CREATE TRIGGER audit.tr_test_audit_down BEFORE INSERT ON sec_audit_record BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        var response = await ExportHttp.GetAsync(client, "/export/members.csv?fields=id,name");
        Assert.Equal(503, response.Status);
        Assert.Equal("AUDIT_UNAVAILABLE", response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("id,name", response.Text, StringComparison.Ordinal);
        // Even public data is not exported unaudited.
        Assert.Equal(503, (await ExportHttp.GetAsync(client, "/export/projects.csv?fields=code")).Status);
    }

    public void Dispose() => _app.Dispose();
}
