using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Parquet;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks;

/// <summary>
/// Scenario 8: /export/members.parquet against /export/members.csv, the same rows and columns as scenario 6 from the
/// same server, alternately; rows/s of each and the server's peak RSS. The Parquet file is downloaded once more
/// after the timed runs and its row groups counted with Parquet.Net's reader, so a short file cannot pass for a
/// fast one.
/// </summary>
public static class ParquetExportScenario
{
    private const string Fields = "id,householdId,villageCode,relation,gender,laborCapacity,workStatus,workMonths";

    public static async Task<ResultRow> RunAsync(BenchmarkOptions options, Client client, ServerProcess server, County county, string token,
        List<string> problems)
    {
        const string title = "Parquet export /export/members.parquet, 8 columns";
        const string target = "≥ 0.80x the CSV export's rows/s; peak RSS ≤ 300 MB";
        var query = "?fields=" + Uri.EscapeDataString(Fields);
        var expected = county.Scalar<long>($"SELECT COUNT(*) FROM member WHERE {county.AdultsOnly}");
        await client.StreamAsync(server, "/export/members.parquet" + query, token); // warm-up: the writer's code paths
        var resetWorked = server.ResetPeakRss();
        await using var anonymous = new Warehouse.Tooling.AnonymousMemoryPeak(server.Pid);
        var (parquet, csv) = (new List<double>(), new List<double>());
        long csvRows = 0;
        for (var i = 0; i < options.ExportRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            var ours = await client.StreamAsync(server, "/export/members.parquet" + query, token);
            parquet.Add(clock.Elapsed.TotalSeconds);
            if (ours.Status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"the Parquet export answered {(int)ours.Status}");
            }
            clock.Restart();
            csvRows = (await client.StreamAsync(server, "/export/members.csv" + query, token)).Lines - 1; // header
            csv.Add(clock.Elapsed.TotalSeconds);
        }
        var peak = server.PeakRssMiB();
        var anonymousPeak = anonymous.PeakMiB; // before the row count below, which reads a whole file into this process, not the server
        var parquetRows = await CountParquetRowsAsync(server, "/export/members.parquet" + query, token);
        if (parquetRows != expected || csvRows != expected)
        {
            problems.Add($"scenario 8: Parquet held {parquetRows} rows, CSV {csvRows}, the table holds {expected}");
        }
        return ExportResult.Row(8, title, target, expected, parquet, csv, "CSV export", peak, resetWorked,
            $"median of {parquet.Count} exports per format, alternating; row count read back from the file's row groups", anonymousPeak);
    }

    private static async Task<long> CountParquetRowsAsync(ServerProcess server, string pathAndQuery, string token)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            rows += reader.OpenRowGroupReader(g).RowCount;
        }
        return rows;
    }
}
