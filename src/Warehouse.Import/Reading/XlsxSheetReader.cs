using MiniExcelLibs;

namespace Warehouse.Import.Reading;

/// <summary>
/// Reads the sheets of an .xlsx workbook with MiniExcel (streaming, one row at a time). Each sheet is read in ONE
/// pass: the header row is taken from the same enumeration the data rows continue, since opening a sheet costs a
/// pass over its shared strings (seconds for a 260,000-row sheet), so the rows can be enumerated once.
/// </summary>
internal static class XlsxSheetReader
{
    public static IEnumerable<SourceSheet> Open(string path)
    {
        foreach (var name in MiniExcel.GetSheetNames(path))
        {
            var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().GetEnumerator();
            var letters = new List<string>();
            var headers = new List<string>();
            if (rows.MoveNext())
            {
                foreach (var (letter, value) in rows.Current)
                {
                    letters.Add(letter);
                    headers.Add(CellText.Of(value)?.Trim() ?? "");
                }
            }
            var columns = letters.ToArray();
            var taken = false;
            yield return new SourceSheet(Path.GetFileName(path), name, headers, () =>
            {
                if (taken)
                {
                    throw new InvalidOperationException($"{path} [{name}]: the rows of a sheet are read once.");
                }
                taken = true;
                return Rows(rows, columns);
            });
        }
    }

    private static IEnumerable<SourceRow> Rows(IEnumerator<IDictionary<string, object?>> rows, string[] columns)
    {
        using (rows)
        {
            var number = 1;
            while (rows.MoveNext())
            {
                number++;
                var row = rows.Current;
                var cells = new string?[columns.Length];
                var any = false;
                for (var i = 0; i < columns.Length; i++)
                {
                    cells[i] = row.TryGetValue(columns[i], out var v) ? CellText.Of(v) : null;
                    any |= !string.IsNullOrWhiteSpace(cells[i]);
                }
                if (any)
                {
                    yield return new SourceRow(number, cells);
                }
            }
        }
    }
}
