namespace Warehouse.Benchmarks;

/// <summary>The result row of an export scenario (6, 8): median rows/s of each side, their ratio and the server's peak RSS.</summary>
public static class ExportResult
{
    public static ResultRow Row(int number, string title, string target, long rows, List<double> ours, List<double> other, string otherLabel,
        double? peakMiB, bool resetWorked, string notes)
    {
        var (o, b) = (rows / Median(ours), rows / Median(other));
        var ratio = o / b;
        var peakMb = peakMiB * 1.048576; // MiB → MB
        return new ResultRow(number, $"{title} ({rows:N0} rows)",
            $"{o:N0} rows/s; server peak RSS {peakMb:0} MB{(resetWorked ? "" : " (process lifetime)")}",
            $"{otherLabel}: {b:N0} rows/s", Report.F(ratio, "0.00") + "x", target,
            $"{Report.Yes(ratio >= 0.8)}; {Report.Yes(peakMb <= 300)}", notes);
    }

    private static double Median(List<double> seconds) => seconds.Order().ElementAt(seconds.Count / 2);
}
