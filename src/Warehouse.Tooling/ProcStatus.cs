using System.Globalization;

namespace Warehouse.Tooling;

/// <summary>Memory figures of a process from <c>/proc/&lt;pid&gt;/status</c> (Linux), for the benchmarks and the load tool.</summary>
public static class ProcStatus
{
    /// <summary>
    /// The sum, in kB, of the named fields (e.g. <c>"VmRSS:"</c>, or <c>"RssAnon:"</c> and <c>"RssShmem:"</c>); null
    /// when none of them is there or the file cannot be read (no /proc, or the process has ended).
    /// </summary>
    public static double? KiB(int pid, params string[] fields)
    {
        try
        {
            double total = 0;
            var found = false;
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                foreach (var field in fields)
                {
                    if (line.StartsWith(field, StringComparison.Ordinal))
                    {
                        total += double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        found = true;
                    }
                }
            }
            return found ? total : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
