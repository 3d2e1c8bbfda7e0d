using System.Buffers;
using System.Text;

namespace Warehouse.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8: CRLF after every record (the header too), a field is quoted when it contains a comma,
/// a double quote, CR or LF, and quotes inside it are doubled. Values are formatted by <see cref="ExportValues.Text"/>;
/// text values (not the numbers and dates formatted here) pass through <see cref="CsvFormulaGuard"/> unless it is off.
/// </summary>
internal sealed class CsvExportWriter : IExportRowWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly StreamWriter _writer;
    private readonly bool _formulaGuard;

    public CsvExportWriter(Stream sink, IReadOnlyList<ExportColumn> columns, bool formulaGuard = true)
    {
        _columns = columns;
        _formulaGuard = formulaGuard;
        _writer = new StreamWriter(sink, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true);
    }

    public void WriteHeader(bool labels)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }
            WriteField(_writer, labels ? _columns[i].Label : _columns[i].Path);
        }
        _writer.Write("\r\n");
    }

    public void WriteRow(ReadOnlySpan<object?> values, ReadOnlySpan<bool> missing)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }
            var text = ExportValues.Text(_columns[i].Field, values[i]);
            // Only text from the data can carry a formula; numbers we format (-1500.50) must stay numbers.
            WriteField(_writer, _formulaGuard && values[i] is string or string[]? CsvFormulaGuard.Neutralise(text) : text);
        }
        _writer.Write("\r\n");
    }

    public void Flush() => _writer.Flush();

    /// <summary>The sink is the in-memory page buffer, so this flush is memory only.</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>One field, quoted only when needed.</summary>
    public static void WriteField(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        var span = value.AsSpan();
        int quote;
        while ((quote = span.IndexOf('"')) >= 0)
        {
            writer.Write(span[..(quote + 1)]);
            writer.Write('"');
            span = span[(quote + 1)..];
        }
        writer.Write(span);
        writer.Write('"');
    }
}
