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
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _peakKiB;

    public AnonymousMemoryPeak(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The peak so far in MiB; null where there is no /proc.</summary>
    public double? PeakMiB => Sample() is { } now ? Math.Max(_peakKiB, now) / 1024.0 : _peakKiB > 0 ? _peakKiB / 1024.0 : null;

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

    private double? Sample() => ProcStatus.KiB(_pid, "RssAnon:", "RssShmem:");
}
