namespace Warehouse.Import.Reading;

/// <summary>
/// One sheet of a workbook or one CSV file: its header row and a forward-only stream of rows, read as the import
/// goes so a 350,000-row sheet is never held as text in memory. The rows of an xlsx sheet can be enumerated once.
/// </summary>
internal sealed class SourceSheet(string file, string sheet, IReadOnlyList<string> headers, Func<IEnumerable<SourceRow>> rows)
{
    /// <summary>File name (without folder) as the reject report shows it.</summary>
    public string File { get; } = file;
    /// <summary>Sheet name; for a CSV file its name without extension.</summary>
    public string Sheet { get; } = sheet;
    public IReadOnlyList<string> Headers { get; } = headers;
    public IEnumerable<SourceRow> Rows() => rows();
}
