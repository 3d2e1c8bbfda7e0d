using nietras.SeparatedValues;

namespace Warehouse.Import.Reading;

/// <summary>Reads a CSV file (comma-separated, quoted as Excel writes it) with Sep, in UTF-8 or GB18030.</summary>
internal static class CsvSheetReader
{
    public static SourceSheet Open(string path)
    {
        var encoding = TextEncodings.Detect(path);
        string[] headers;
        using (var reader = Reader(path, encoding))
        {
            headers = reader.MoveNext() ? Cells(reader.Current) : [];
        }
        return new SourceSheet(Path.GetFileName(path), Path.GetFileNameWithoutExtension(path), headers.Select(h => (h ?? "").Trim().TrimStart('\uFEFF'))
            .ToList(), () => Rows(path, encoding));
    }

    private static IEnumerable<SourceRow> Rows(string path, System.Text.Encoding encoding)
    {
        using var reader = Reader(path, encoding);
        var number = 1;
        reader.MoveNext();
        while (reader.MoveNext())
        {
            number++;
            var cells = Cells(reader.Current);
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return new SourceRow(number, cells);
        }
    }

    private static SepReader Reader(string path, System.Text.Encoding encoding) =>
        Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .From(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true));

    private static string[] Cells(SepReader.Row row)
    {
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }
        return cells;
    }
}
