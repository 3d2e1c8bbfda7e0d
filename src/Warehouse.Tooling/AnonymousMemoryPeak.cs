using System.Globalization;

namespace Warehouse.Tooling;

/// <summary>
/// The highest anonymous resident memory (RssAnon + RssShmem from /proc/pid/status) of a process while it runs,
/// sampled every 50 ms. VmHWM also counts file-backed pages: a server that reads its SQLite file through a memory map
/// shows the mapped data file in VmHWM once per connection that maps it, though those pages are the operating
/// system's page cache — clean, shared and reclaimable, as for a tool that reads the file with read(). What an
/// export holds of its own (buffers, rows, row groups) is anonymous memory.
/// </summary>
public sealed class AnonymousMemoryPeak : IAsyncDisposable
{
    private readonly string _status;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _peakKiB;

    public AnonymousMemoryPeak(int pid)
    {
        _status = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The peak so far in MiB; null where there is no /proc.</summary>
    public double? PeakMiB => File.Exists(_status) || _peakKiB > 0 ? Math.Max(_peakKiB, Sample() ?? 0) / 1024.0 : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (Sample() is { } kib && kib > _peakKiB)
            {
                _peakKiB = kib;
            }
            await Task.Delay(50, _stop.Token);
        }
    }

    private double? Sample()
    {
        try
        {
            double total = 0;
            var found = false;
            foreach (var line in File.ReadLines(_status))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssShmem:", StringComparison.Ordinal))
                {
                    total += double.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    found = true;
                }
            }
            return found ? total : null;
        }
        catch (IOException)
        {
            return null; // the process has ended
        }
    }
}
