using System.Globalization;
using System.Text;

namespace Warehouse.Verification;

/// <summary>The human report: views with their rows, one line per rule, the first offending rows of each failed rule, a verdict.</summary>
public static class ReportText
{
    public static string Format(VerificationReport report)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"Warehouse verify: {report.Provider} {report.Database} (plausible dates {report.MinDate:yyyy-MM-dd} to {report.MaxDate:yyyy-MM-dd})\n\n");
        Table(sb, ["view", "rows", "columns"], report.Views.Select(v => new[]
        {
            v.View,
            v.Exists ? v.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "?" : "missing",
            $"{v.ColumnsFound}/{v.Columns}",
        }), rightAligned: [1, 2]);
        sb.Append('\n');
        Table(sb, ["rule", "severity", "result", "offending", "views", "checks"], report.Rules.Select(r => new[]
        {
            r.Rule,
            r.Severity == Severity.Error ? "error" : "warning",
            r.Failures.Count > 0 ? "FAILED TO RUN" : r.Passed && r.Views == 0 ? "n/a" : r.Passed ? "ok" : r.Severity == Severity.Error ? "FAIL" : "WARN",
            r.Count.ToString("N0", CultureInfo.InvariantCulture),
            r.Views.ToString(CultureInfo.InvariantCulture),
            r.Description,
        }), rightAligned: [3, 4]);
        foreach (var r in report.Rules.Where(r => !r.Passed))
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"\n{r.Rule} ({(r.Severity == Severity.Error ? "error" : "warning")}): {r.Count:N0} offending, first {r.Sample.Count}\n");
            if (r.Sample.Count > 0)
            {
                Table(sb, ["view", "key", "column", "value"], r.Sample.Select(o => new[] { o.View, o.Key ?? (r.RowLevel ? "(null)" : "-"),
                    o.Column.Length == 0 ? "-" : o.Column, o.Value ?? "(null)" }), rightAligned: [], indent: "  ");
            }
            foreach (var failure in r.Failures)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  statement failed: {failure}\n");
            }
        }
        sb.Append('\n');
        sb.Append(report.Servable
            ? $"SERVABLE: no error rule failed ({report.FailedWarnings} warning rule(s) with findings).\n"
            : $"NOT SERVABLE: {report.FailedErrors} error rule(s) failed, {report.FailedWarnings} warning rule(s) with findings.\n");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows, int[] rightAligned, string indent = "")
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => Width(r[i]))).ToArray();
        foreach (var row in all)
        {
            sb.Append(indent);
            for (var i = 0; i < row.Length; i++)
            {
                var pad = new string(' ', widths[i] - Width(row[i]));
                var last = i == row.Length - 1;
                sb.Append(rightAligned.Contains(i) ? pad + row[i] : last ? row[i] : row[i] + pad);
                if (!last)
                {
                    sb.Append("  ");
                }
            }
            sb.Append('\n');
        }
    }

    /// <summary>Columns in a terminal: CJK characters take two.</summary>
    private static int Width(string text) => text.Sum(c => c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf')
        || (c >= '\uac00' && c <= '\ud7a3') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60')) ? 2 : 1);
}
