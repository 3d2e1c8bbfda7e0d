using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// An error after the first bytes were sent (status 200 already out) aborts the transfer, so the client sees a
/// failed download, never a clean end of a file with rows missing; the audit trail says "aborted". A stored value
/// the reader cannot read (a household's monitoring date that is not a date), in the last keyset page, fails the
/// export after the first pages (and, for Parquet, the first row group of 500 rows) are out. Pages of 100 rows, so
/// that about 30 page reads lie between the first bytes and the failure: with the default (1,000 rows, then the rest
/// in one page) the failing read came so soon after the first flush that the abort could overtake bytes the client
/// had not read yet (seen once in CI, after reads got faster).
/// </summary>
public sealed class ExportAbortTests : IDisposable
{
    private readonly WarehouseApp _app = new(("Warehouse:Exports:ParquetRowGroupRows", "500"), ("Warehouse:Exports:ReadPageRows", "100"));

    [Theory]
    [InlineData("households.parquet")]
    [InlineData("households.csv")]
    public async Task A_failure_after_the_first_bytes_aborts_the_transfer(string file)
    {
        var db = _app.Database;
        Assert.True(Sql.Scalar(db, "SELECT COUNT(*) FROM household") > 1500, "too few rows for several pages");
        Sql.Execute(db, "UPDATE household SET monitored_at = 'not a date' WHERE household_id = (SELECT MAX(household_id) FROM household)");
        var client = _app.ClientFor("county", "139901000000", user: "abort-" + file);

        using var response = await client.GetAsync("/export/" + file + "?fields=id,monitoredAt,perCapitaNetIncome", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16 * 1024];
        long received = 0;
        var failure = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });
        Assert.NotNull(failure);
        Assert.True(received > 0, "nothing arrived before the failure: it should have been a 4xx/503 instead");
        // The server writes the closing record after aborting the connection: wait for it (a few seconds at most).
        string? detail = null;
        for (var i = 0; i < 100 && detail is null; i++)
        {
            detail = Sql.Text(db, "SELECT detail FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = @u AND row_count IS NOT NULL",
                ("@u", "abort-" + file));
            if (detail is null)
            {
                await Task.Delay(100);
            }
        }
        var finished = JsonNode.Parse(detail ?? throw new Xunit.Sdk.XunitException("no closing audit record"))!;
        Assert.Equal("aborted", finished["phase"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();
}
