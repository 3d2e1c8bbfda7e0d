using MiniExcelLibs;

namespace Warehouse.Import.Reading;

/// <summary>Reads the sheets of an .xlsx workbook with MiniExcel (streaming, one row at a time).</summary>
public static class XlsxSheetReader
{
    public static IEnumerable<SourceSheet> Open(string path)
    {
        foreach (var name in MiniExcel.GetSheetNames(path))
        {
            var letters = new List<string>();
            var headers = new List<string>();
            foreach (IDictionary<string, object?> first in MiniExcel.Query(path, useHeaderRow: false, sheetName: name))
            {
                foreach (var (letter, value) in first)
                {
                    letters.Add(letter);
                    headers.Add(CellText.Of(value)?.Trim() ?? "");
                }
                break;
            }
            var columns = letters.ToArray();
            yield return new SourceSheet(Path.GetFileName(path), name, headers, () => Rows(path, name, columns));
        }
    }

    private static IEnumerable<SourceRow> Rows(string path, string sheet, string[] columns)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
        {
            number++;
            if (number == 1)
            {
                continue;
            }
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
