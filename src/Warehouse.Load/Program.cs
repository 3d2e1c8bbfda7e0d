using System.Security.Cryptography;
using Warehouse.Tooling;

namespace Warehouse.Load;

/// <summary>The command line of the load tool (named so it does not clash with the API's Program in tests).</summary>
internal static class LoadProgram
{
    private const string Usage = """
        Warehouse load and soak tool (loopback only; bounded in clients, requests and time; stops by itself)

        Usage:
          dotnet run -c Release --project src/Warehouse.Load -- --start /tmp/x.db [options]   start the built API on that SQLite file
          dotnet run -c Release --project src/Warehouse.Load -- --url http://127.0.0.1:5080/ --pid <server pid> --key <base64> [options]

        Options:
          --clients N          concurrent clients, 1..256 (default 64)
          --seconds T          run time, 1..3600 (default 60)
          --warmup W           seconds at the start the RSS check leaves out (default 15)
          --max-requests M     stop after M requests (default 1,000,000)
          --url U              API base address; the host must be 127.0.0.1 (with --start: the port to use, default 5099)
          --pid P              server process whose VmRSS (/proc/P/status) is sampled every second
          --key K              base64 signing key of the server's local issuer (default: $Warehouse__Auth__LocalIssuer__SigningKey)
          --start DB           run `dotnet <Warehouse.Api.dll>` (Development, local issuer on, random key) on the SQLite file DB
          --api DLL            the API build to start (default: src/Warehouse.Api/bin/Release|Debug/net10.0/Warehouse.Api.dll)
          --out FILE           report file, markdown (default load-report.md)
          --request-timeout S  seconds before a request counts as failed (default 30)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
            if (options.StartDatabase is not null)
            {
                if (args.Contains("--url") is false)
                {
                    options.Url = new Uri("http://127.0.0.1:5099/");
                }
                options.SigningKey ??= Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            }
            options.Validate();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n\n{Usage}");
            return 2;
        }

        ServerProcess? server = null;
        try
        {
            if (options.StartDatabase is { } db)
            {
                server = await ApiServer.StartAsync(options, db);
                options.ServerPid = server.Pid;
                Console.WriteLine($"Started the API (pid {server.Pid}) on {options.Url} against {db}.");
            }
            Console.WriteLine($"Running {options.Clients} clients for {options.Seconds} s against {options.Url} ...");
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var interrupt = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                interrupt.Cancel();
            };
            var report = await LoadRunner.RunAsync(options, handler, interrupt.Token);
            var markdown = report.ToMarkdown("dotnet run -c Release --project src/Warehouse.Load -- " + string.Join(' ', args));
            Console.WriteLine(markdown);
            await File.WriteAllTextAsync(options.Out, markdown);
            Console.WriteLine($"Report written to {Path.GetFullPath(options.Out)}.");
            return report.ZeroErrors && report.P99Met && report.RssMet ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TimeoutException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
