using System.Globalization;
using System.Text;
using Warehouse.Aggregation;

namespace Warehouse.Exports;

/// <summary>
/// Writes an aggregate result as CSV. Lines are formatted into a memory buffer (synchronous writes are fine
/// there) and the buffer goes to the response with asynchronous writes only: Kestrel refuses synchronous I/O, and a
/// StreamWriter over the response body flushes synchronously once its buffer fills, which cut exports at ~16 K.
/// </summary>
internal static class AggregateCsvWriter
{
    public static async Task WriteAsync(Stream output, AggregateResult result, ExportOptions options, CancellationToken ct)
    {
        await using var buffer = new MemoryStream(ExportStreamer.DrainBytes * 2);
        // The BOM goes in by hand: a StreamWriter emits the preamble only when the stream is at position 0 on its first flush.
        if (options.Bom)
        {
            buffer.Write(Encoding.UTF8.Preamble);
        }
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true))
        {
            var header = result.Keys.Select(k => options.Labels ? k.Field.Label + (k.Id.EndsWith("Year", StringComparison.Ordinal)
                ? "(年)" : k.Id.EndsWith("Month", StringComparison.Ordinal) ? "(月)" : "") : k.Id)
                .Concat(result.Measures.Select(m => m.Id));
            WriteLine(writer, header);
            foreach (var group in result.Groups)
            {
                // Group values are data (text may start with =, +, -, @); measures are numbers we format.
                WriteLine(writer, result.Keys.Select(k => Cell(group.Keys.GetValueOrDefault(k.Id), options.FormulaGuard))
                    .Concat(result.Measures.Select(m => Measure(m, group.Measures.GetValueOrDefault(m.Id)))));
                if (buffer.Length >= ExportStreamer.DrainBytes)
                {
                    await DrainAsync(writer, buffer, output, ct);
                }
            }
            await DrainAsync(writer, buffer, output, ct);
        }
        await output.FlushAsync(ct);
    }

    private static async Task DrainAsync(StreamWriter writer, MemoryStream buffer, Stream output, CancellationToken ct)
    {
        writer.Flush(); // into the memory buffer
        if (buffer.Length > 0)
        {
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
            buffer.SetLength(0);
        }
    }

    private static void WriteLine(StreamWriter writer, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }
            CsvExportWriter.WriteField(writer, field);
            first = false;
        }
        writer.Write("\r\n");
    }

    private static string Cell(object? value, bool formulaGuard) =>
        formulaGuard && value is string s ? CsvFormulaGuard.Neutralise(s) : Text(value);

    /// <summary>
    /// Measures rounded for a feed: money (sums and averages) to 2 decimals, rates and other averages to 4
    /// (14512.722413793104 → 14512.72), counts and whole sums as they are. Rounding away from zero, as people do;
    /// the graph keeps full precision for whoever computes further.
    /// </summary>
    internal static string Measure(MeasureDef measure, object? value) => (measure.Output, value) switch
    {
        (MeasureOutput.Money or MeasureOutput.MoneyAverage, decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero)
            .ToString("0.00", CultureInfo.InvariantCulture),
        (MeasureOutput.Money or MeasureOutput.MoneyAverage, double d) => Math.Round((decimal)d, 2, MidpointRounding.AwayFromZero)
            .ToString("0.00", CultureInfo.InvariantCulture),
        (MeasureOutput.Fraction, double d) => Math.Round((decimal)d, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture),
        (MeasureOutput.Fraction, decimal d) => Math.Round(d, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture),
        _ => Text(value),
    };

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
