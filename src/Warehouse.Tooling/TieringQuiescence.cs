using System.Diagnostics;
using System.Globalization;

namespace Warehouse.Tooling;

/// <summary>
/// Waits until the runtime's background tier-up compiler has gone quiet. A test process is young: for seconds after
/// a server starts, the ".NET Tiered Compilation" thread recompiles hot methods and installs them, and installing
/// them briefly stops every managed thread. Measured on this machine (DOTNET_TieredCompilation=0 makes it vanish):
/// a CPU-bound request with a 0.5 s limit was answered 1.1–3 s late, with its own work frozen for the same time,
/// in about half of the runs. That is the runtime settling, not the server's deadline; a test that measures the
/// deadline waits for it first. The benchmarks wait for it in the servers they measure, so that a latency scenario
/// measures the server's code, not the runtime still compiling it. Linux only (it reads /proc); elsewhere it
/// returns at once.
/// </summary>
public static class TieringQuiescence
{
    private const string CompilerThread = ".NET Tiered Com"; // the kernel keeps the first 15 characters of a thread's name
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns how long it waited: when the compiler used under a tenth of a core for two samples running, or at <paramref name="limit"/>.</summary>
    public static Task<TimeSpan> WaitAsync(TimeSpan limit) => WaitAsync("self", limit);

    /// <summary>The same for another process (a server the caller started), by its pid.</summary>
    public static Task<TimeSpan> WaitAsync(int pid, TimeSpan limit) => WaitAsync(pid.ToString(CultureInfo.InvariantCulture), limit);

    private static async Task<TimeSpan> WaitAsync(string process, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var tasks = $"/proc/{process}/task";
        if (!Directory.Exists(tasks))
        {
            return clock.Elapsed;
        }
        var quiet = 0;
        var before = CompilerTicks(tasks);
        while (clock.Elapsed < limit && quiet < 2)
        {
            await Task.Delay(Sample);
            var now = CompilerTicks(tasks);
            // Clock ticks are hundredths of a second: 2 ticks in 250 ms is under a tenth of a core.
            quiet = now - before <= 2 ? quiet + 1 : 0;
            before = now;
        }
        return clock.Elapsed;
    }

    /// <summary>User plus system clock ticks (hundredths of a second) of a process's tier-up compiler thread(s); 0 once it has ended.</summary>
    public static long CompilerTicks(int pid) => CompilerTicks($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task");

    /// <summary>User plus system clock ticks of the tier-up compiler thread(s) of the process whose task folder is <paramref name="tasks"/>.</summary>
    private static long CompilerTicks(string tasks)
    {
        long ticks = 0;
        IEnumerable<string> threads;
        try
        {
            threads = [.. Directory.EnumerateDirectories(tasks)];
        }
        catch (DirectoryNotFoundException)
        {
            return 0; // the process has ended
        }
        foreach (var task in threads)
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                // Fields after the parenthesised name, which may itself hold spaces: state is the first, utime the 12th, stime the 13th.
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (stat[(open + 1)..close] != CompilerThread)
                {
                    continue;
                }
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }
        return ticks;
    }
}
