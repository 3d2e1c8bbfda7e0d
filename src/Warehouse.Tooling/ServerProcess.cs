using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Warehouse.Tooling;

/// <summary>
/// A built server run as a child process (<c>dotnet X.dll</c>, so the pid is the server's own and its memory is
/// its own), its output handed line by line to the caller, killed with its process tree on dispose: the load
/// tool and the benchmarks measure a server the way it runs in production, not one inside their own process.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the server listens (loopback).</summary>
    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>Time since the process was started: start-up figures are measured on it.</summary>
    public Stopwatch SinceStart { get; } = new();

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> arguments…</c> in the assembly's folder.</summary>
    /// <param name="assembly">The built server.</param>
    /// <param name="arguments">Its command line after the assembly.</param>
    /// <param name="environment">Variables set for it on top of ours (its configuration).</param>
    /// <param name="address">Where it will listen, as configured by the arguments or environment.</param>
    /// <param name="output">Receives every line of standard output and standard error (called concurrently).</param>
    public static ServerProcess Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Uri address,
        Action<string> output) =>
        StartProgram("dotnet", [assembly, .. arguments], System.IO.Path.GetDirectoryName(assembly)!, environment, address, output);

    /// <summary>
    /// Starts any program as a server (the benchmarks' peer runs under Node.js): <paramref name="program"/> with
    /// <paramref name="arguments"/> in <paramref name="workingDirectory"/>; otherwise as <see cref="Start"/>.
    /// </summary>
    public static ServerProcess StartProgram(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, Uri address, Action<string> output)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Forward(output, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(output, e.Data);
        var server = new ServerProcess(process, address);
        server.SinceStart.Start();
        if (!process.Start())
        {
            throw new InvalidOperationException($"{program} did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Polls <paramref name="ready"/> until it says yes; a refused connection or a timed-out probe counts as "not
    /// yet". Fails at once when the process exits, and after <paramref name="timeout"/>. Returns the time since start.
    /// </summary>
    public async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, TimeSpan interval, string what)
    {
        while (SinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with code {_process.ExitCode} before it was ready.");
            }
            try
            {
                if (await ready())
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(interval);
        }
        throw new TimeoutException($"{what} was not ready within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>Waits until GET <paramref name="path"/> answers with a success status.</summary>
    public async Task<TimeSpan> WaitForStatusAsync(string path, TimeSpan timeout, string what)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        return await WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
                return response.IsSuccessStatusCode;
            },
            timeout,
            TimeSpan.FromMilliseconds(50),
            what);
    }

    /// <summary>Peak resident set (VmHWM) in MiB, from /proc; null where there is no /proc.</summary>
    public double? PeakRssMiB() => ProcStatus.KiB(Pid, "VmHWM:") / 1024.0;

    /// <summary>Current resident set (VmRSS) in MiB; null where there is no /proc.</summary>
    public double? RssMiB() => ProcStatus.KiB(Pid, "VmRSS:") / 1024.0;

    /// <summary>Resets VmHWM to the current RSS (Linux: echo 5 > /proc/pid/clear_refs); false where not allowed.</summary>
    public bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static void Forward(Action<string> output, string? line)
    {
        if (line is not null)
        {
            output(line);
        }
    }
}
