using System.Diagnostics;

namespace Warehouse.Load;

/// <summary>
/// Starts the built API as a child process (<c>dotnet Warehouse.Api.dll</c>, so its pid is the server's) on a
/// SQLite file, loopback only, Development environment with the local issuer on and the run's signing key, and
/// waits until /readyz answers.
/// </summary>
internal static class ServerProcess
{
    public static async Task<Process> StartAsync(LoadOptions options, string database)
    {
        if (!File.Exists(database))
        {
            throw new IOException($"No SQLite file at {database}; create one with: dotnet run --project src/Warehouse.Cli -- seed --connection \"Data Source={database}\"");
        }
        var dll = options.ApiDll ?? FindApi();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ASPNETCORE_URLS"] = $"{options.Url.Scheme}://127.0.0.1:{options.Url.Port}";
        env["ConnectionStrings__Warehouse"] = $"Data Source={Path.GetFullPath(database)}";
        env["Warehouse__SeedDemoOnStartup"] = "false";
        env["Warehouse__Auth__LocalIssuer__Enabled"] = "true";
        env["Warehouse__Auth__LocalIssuer__SigningKey"] = options.SigningKey;
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[api] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {process.ExitCode} before it was ready.");
            }
            try
            {
                using var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The API did not become ready within 90 s.");
    }

    private static string FindApi()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var dll = Path.Combine(dir.FullName, "src", "Warehouse.Api", "bin", configuration, "net10.0", "Warehouse.Api.dll");
                if (File.Exists(dll))
                {
                    return dll;
                }
            }
        }
        throw new IOException("No built Warehouse.Api.dll found under src/Warehouse.Api/bin; build it (dotnet build -c Release src/Warehouse.Api) or pass --api.");
    }
}
