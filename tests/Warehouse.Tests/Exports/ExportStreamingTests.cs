using System.Diagnostics;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Exports;

/// <summary>
/// A ~100,000-row export streams: the first bytes arrive while the server is still reading, and the server's
/// live heap does not grow with the row count (~20,000 rows vs ~100,000 rows). Runs on a private copy whose
/// assistance table is copied by SQL up to ~100,000 rows.
/// </summary>
[Trait("Category", TestCategories.Slow)]
[Collection(MemoryMeasurementCollection.Name)]
public sealed class ExportStreamingTests(ITestOutputHelper output) : IDisposable
{
    private const int Target = 100_000;
    private readonly WarehouseApp _app = new();

    [Fact]
    public async Task Hundred_thousand_rows_stream_in_constant_memory()
    {
        var db = _app.Database;
        var (original, copies) = EnlargedAssistance.Grow(db, Target);
        var total = Sql.Scalar(db, "SELECT COUNT(*) FROM assistance");
        Assert.Equal(original * (copies + 1), total);
        // The county exports no records about children under 14 (they follow the child's rule).
        var readable = Sql.Scalar(db, $"SELECT COUNT(*) FROM assistance WHERE {Minors.AboutAdult("assistance.member_id")}");
        var readableOriginal = readable / (copies + 1);
        Assert.True(total >= 90_000, $"only {total} rows");

        var client = _app.ClientFor("county", "139901000000", user: "bulk-exporter");
        // Warm-up (JIT, schema, pools), so the two measurements compare like with like.
        await Measure(client, "/export/assistance.csv?where=" + Uri.EscapeDataString("""{"id":{"startsWith":"zz09-"}}"""), checkStreaming: false);

        // About a fifth of the rows: the original ids, copied four times (zz01- to zz04-).
        var fifth = Uri.EscapeDataString(
            """{"or":[{"id":{"startsWith":"zz01-"}},{"id":{"startsWith":"zz02-"}},{"id":{"startsWith":"zz03-"}},{"id":{"startsWith":"zz04-"}}]}""");
        var small = await Measure(client, "/export/assistance.csv?where=" + fifth, checkStreaming: false);
        var large = await Measure(client, "/export/assistance.csv", checkStreaming: true, readable);
        Assert.Equal(readableOriginal * 4, small.Rows);
        Assert.Equal(readable, large.Rows);
        output.WriteLine($"small: {small.Rows:N0} rows, {small.Bytes:N0} bytes, {small.Seconds:F2} s, peak live memory growth {small.PeakGrowth / 1e6:F1} MB");
        output.WriteLine(
            $"large: {large.Rows:N0} rows, {large.Bytes:N0} bytes, {large.Seconds:F2} s ({large.Rows / large.Seconds:N0} rows/s), peak live memory " +
            $"growth {large.PeakGrowth / 1e6:F1} MB");

        // Six times the rows must not take anywhere near six times the memory: allow 2x plus 8 MB of noise.
        Assert.True(large.PeakGrowth < 2 * small.PeakGrowth + 8_000_000,
            $"heap grew {large.PeakGrowth:N0} bytes for {large.Rows:N0} rows vs {small.PeakGrowth:N0} for {small.Rows:N0}");
        Assert.Equal(1, Sql.Scalar(db, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'bulk-exporter' AND row_count = @n",
            ("@n", readable)));
    }

    private async Task<(long Rows, long Bytes, double Seconds, long PeakGrowth)> Measure(HttpClient client, string url, bool checkStreaming, long expected = 0)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        long nextSample = 0;
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0, lines = 0;
        int read;
        var first = true;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            if (first && checkStreaming)
            {
                // Data is arriving, yet the server has not finished: no completion record exists so far.
                Assert.Equal(0, Sql.Scalar(_app.Database,
                    "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'bulk-exporter' AND row_count = @n", ("@n", expected)));
                output.WriteLine($"first {read:N0} bytes after {watch.ElapsedMilliseconds} ms");
            }
            first = false;
            if (bytes >= nextSample)
            {
                // Live memory of the whole process (server and client share it) after a full collection, every
                // 1 MB of output: what the export holds on to, not what it has allocated and dropped.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                nextSample = bytes + 1024 * 1024;
            }
        }
        watch.Stop();
        return (lines - 1, bytes, watch.Elapsed.TotalSeconds, peak - baseline);
    }

    public void Dispose() => _app.Dispose();
}
