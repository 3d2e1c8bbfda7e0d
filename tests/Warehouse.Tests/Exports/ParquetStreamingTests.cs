using System.Diagnostics;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Exports;

/// <summary>
/// The Parquet feed streams row group by row group: the live heap while ~100,000 rows are exported does not grow
/// with the row count (~20,000 rows vs ~100,000), and the file holds every row. Same private, enlarged assistance
/// table as <see cref="ExportStreamingTests"/>; the CSV of the same rows is timed beside it.
/// </summary>
[Trait("Category", TestCategories.Slow)]
[Collection(MemoryMeasurementCollection.Name)]
public sealed class ParquetStreamingTests(ITestOutputHelper output) : IDisposable
{
    private const int Target = 100_000;
    private readonly WarehouseApp _app = new();

    [Fact]
    public async Task Hundred_thousand_rows_stream_in_row_groups_in_constant_memory()
    {
        var db = _app.Database;
        var (original, copies) = EnlargedAssistance.Grow(db, Target);
        var readable = Sql.Scalar(db, $"SELECT COUNT(*) FROM assistance WHERE {Minors.AboutAdult("assistance.member_id")}");
        Assert.True(readable >= 80_000, $"only {readable} rows");
        var client = _app.ClientFor("county", "139901000000", user: "parquet-bulk");
        await Measure(client, "/export/assistance.parquet?where=" + Uri.EscapeDataString("""{"id":{"startsWith":"zz09-"}}""")); // warm-up

        var fifth = Uri.EscapeDataString(
            """{"or":[{"id":{"startsWith":"zz01-"}},{"id":{"startsWith":"zz02-"}},{"id":{"startsWith":"zz03-"}},{"id":{"startsWith":"zz04-"}}]}""");
        var small = await Measure(client, "/export/assistance.parquet?where=" + fifth);
        var large = await Measure(client, "/export/assistance.parquet");
        var csv = await Measure(client, "/export/assistance.csv");
        output.WriteLine($"parquet small: {small.Bytes:N0} bytes, {small.Seconds:F2} s, peak live memory growth {small.PeakGrowth / 1e6:F1} MB");
        output.WriteLine(
            $"parquet large: {readable:N0} rows, {large.Bytes:N0} bytes, {large.Seconds:F2} s ({readable / large.Seconds:N0} rows/s), peak live " +
            $"memory growth {large.PeakGrowth / 1e6:F1} MB");
        output.WriteLine(
            $"csv large:     {readable:N0} rows, {csv.Bytes:N0} bytes, {csv.Seconds:F2} s ({readable / csv.Seconds:N0} rows/s), peak live memory " +
            $"growth {csv.PeakGrowth / 1e6:F1} MB");

        Assert.True(large.PeakGrowth < 2 * small.PeakGrowth + 16_000_000,
            $"heap grew {large.PeakGrowth:N0} bytes for the whole table vs {small.PeakGrowth:N0} for a fifth");
        // Every row is in the file (read back once more, outside the measurement), in row groups of 10,000.
        var file = await ParquetFile.ReadAsync(await client.GetByteArrayAsync("/export/assistance.parquet?fields=id"));
        Assert.Equal(readable, file.Rows.Count);
        Assert.Equal((int)Math.Ceiling(readable / 10_000.0), file.RowGroups);
    }

    /// <summary>Reads the response in 64 KB pieces, discarding them, sampling the live heap every 256 KB.</summary>
    private static async Task<(long Bytes, double Seconds, long PeakGrowth)> Measure(HttpClient client, string url)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        long nextSample = 0;
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            if (bytes >= nextSample)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                nextSample = bytes + 256 * 1024;
            }
        }
        watch.Stop();
        return (bytes, watch.Elapsed.TotalSeconds, peak - baseline);
    }

    public void Dispose() => _app.Dispose();
}
