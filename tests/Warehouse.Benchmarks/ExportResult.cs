namespace Warehouse.Benchmarks;

/// <summary>
/// The result row of an export scenario (6, 8): median rows/s of each side, their ratio and the server's peak RSS —
/// VmHWM, and the peak of anonymous memory (<see cref="Warehouse.Tooling.AnonymousMemoryPeak"/>). The memory target
/// is judged on the anonymous peak when there is one: VmHWM also counts the SQLite data file mapped into each pooled
/// connection (Warehouse:SqliteMmapMegabytes), which is the operating system's page cache, not the export's memory.
/// </summary>
public static class ExportResult
{
    public static ResultRow Row(int number, string title, string target, long rows, List<double> ours, List<double> other, string otherLabel,
        double? peakMiB, bool resetWorked, string notes, double? anonymousPeakMiB = null)
    {
        var (o, b) = (rows / Median(ours), rows / Median(other));
        var ratio = o / b;
        var peakMb = peakMiB * 1.048576; // MiB → MB
        var anonymousMb = anonymousPeakMiB * 1.048576;
        var anonymous = anonymousMb is null ? "" : $" (anonymous {anonymousMb:0} MB)";
        return new ResultRow(number, $"{title} ({rows:N0} rows)",
            $"{o:N0} rows/s; server peak RSS {peakMb:0} MB{anonymous}{(resetWorked ? "" : " (process lifetime)")}",
            $"{otherLabel}: {b:N0} rows/s", Report.F(ratio, "0.00") + "x", target,
            $"{Report.Yes(ratio >= 0.8)}; {Report.Yes((anonymousMb ?? peakMb) <= 300)}", notes);
    }

    private static double Median(List<double> seconds) => seconds.Order().ElementAt(seconds.Count / 2);
}
