using System.Text;
using MiniExcelLibs;

namespace Warehouse.Import.Reports;

/// <summary>Writes the reject report as CSV (UTF-8 with BOM, so Excel shows the Chinese) and as xlsx, same columns.</summary>
public static class RejectReportWriter
{
    public static readonly string[] Headers = ["文件 file", "工作表 sheet", "行 row", "列 column", "值 value", "代码 code", "原因 reason", "reason"];

    public static void WriteCsv(string path, IEnumerable<Reject> rejects)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.WriteLine(string.Join(",", Headers.Select(Quote)));
        foreach (var r in rejects)
        {
            writer.WriteLine(string.Join(",", Cells(r).Select(c => Quote(c?.ToString()))));
        }
    }

    public static void WriteXlsx(string path, IEnumerable<Reject> rejects)
    {
        var rows = rejects.Select(r =>
        {
            var cells = Cells(r);
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < Headers.Length; i++)
            {
                row[Headers[i]] = cells[i];
            }
            return row;
        });
        MiniExcel.SaveAs(path, rows, sheetName: "拒绝记录", overwriteFile: true);
    }

    private static object?[] Cells(Reject r) => [r.File, r.Sheet, r.Row, r.Column, r.Value, r.CodeText, r.ReasonZh, r.ReasonEn];

    private static string Quote(string? s)
    {
        s ??= "";
        // A leading = + - @ would run as a formula when the report is opened in Excel: quote it as text.
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@')
        {
            s = "'" + s;
        }
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
