using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Writes an export to the response as it is read: rows go into a small page buffer (at most one page, or
/// <see cref="DrainBytes"/>, whichever comes first), which is sent and flushed before the next page is read, so
/// memory stays constant whatever the row count. Gzip is applied here (not by middleware) when the client
/// accepts it; each page is sync-flushed through the compressor so it reaches the client at once. Parquet goes the
/// same way, one row group at a time: the writer encodes a full group into the buffer, which is sent before the
/// next row is taken; the footer follows the last group.
/// </summary>
internal static class ExportStreamer
{
    /// <summary>Buffered bytes that trigger a send in the middle of a page.</summary>
    public const int DrainBytes = 64 * 1024;

    /// <summary>Streams all pages, starting with <paramref name="first"/> (already read); returns the number of rows written.</summary>
    public static async Task<int> StreamAsync(HttpContext http, ExportPlan plan, ExportFormat format, ExportOptions options,
        AccessContext access, ExportReader reader, ExportPage first, Func<int, Task> progress, CancellationToken ct,
            int parquetRowGroupRows = ParquetExportWriter.DefaultRowGroupRows)
    {
        var response = http.Response;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType();
        response.Headers.ContentDisposition = $"attachment; filename=\"{plan.Entity.ListField}.{format.Extension()}\"";
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = "Accept-Encoding";
        Stream output = response.Body;
        GZipStream? gzip = null;
        // Parquet compresses its pages itself (Snappy): gzip over it would cost CPU for a few percent.
        if (options.Gzip && format != ExportFormat.Parquet)
        {
            response.Headers.ContentEncoding = "gzip";
            gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
            output = gzip;
        }
        await using var buffer = new MemoryStream(DrainBytes * 2);
        using var writer = format switch
        {
            ExportFormat.Csv => new CsvExportWriter(buffer, plan.Columns, options.FormulaGuard),
            ExportFormat.Jsonl => new JsonlExportWriter(buffer, plan.Columns),
            _ => (IExportRowWriter)await ParquetExportWriter.CreateAsync(buffer, plan, access, parquetRowGroupRows, ct),
        };
        if (options.Bom && format == ExportFormat.Csv)
        {
            buffer.Write(Encoding.UTF8.Preamble);
        }
        writer.WriteHeader(options.Labels);
        var values = new object?[plan.Columns.Count];
        var missing = new bool[plan.Relations.Count];
        var shaper = new ExportRowShaper(access, plan, reader.Properties);
        var rows = 0;
        var page = first;
        while (page is not null)
        {
            for (var row = 0; row < page.Rows.Count; row++)
            {
                if (writer.FlushDue)
                {
                    await DrainAsync(writer, buffer, output, flush: true, ct);
                }
                shaper.Shape(page, row, values, missing);
                writer.WriteRow(values, missing);
                rows++;
                if (buffer.Length >= DrainBytes)
                {
                    await DrainAsync(writer, buffer, output, flush: false, ct);
                }
            }
            await DrainAsync(writer, buffer, output, flush: true, ct);
            await progress(rows);
            page = await reader.NextAsync(ct);
        }
        await writer.CompleteAsync(ct);
        await DrainAsync(writer, buffer, output, flush: true, ct);
        if (gzip is not null)
        {
            await gzip.DisposeAsync(); // writes the gzip trailer
        }
        await response.CompleteAsync();
        return rows;
    }

    private static async Task DrainAsync(IExportRowWriter writer, MemoryStream buffer, Stream output, bool flush, CancellationToken ct)
    {
        await writer.FlushAsync(ct);
        if (buffer.Length > 0)
        {
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
            buffer.SetLength(0);
        }
        if (flush)
        {
            await output.FlushAsync(ct);
        }
    }
}
