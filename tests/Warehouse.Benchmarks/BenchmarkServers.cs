using System.Net;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks;

/// <summary>
/// The servers the suite measures, each a child process of its own so that start-up and peak RSS are its own: the
/// built API (`dotnet Warehouse.Api.dll`) on 127.0.0.1 and a free port, configured by environment variables (the
/// county file, migrations on, no demo seeding, local tokens with a fixed key and a fixed cursor secret); or the
/// suite's own baseline server (<see cref="StartBaseline"/>).
/// </summary>
public static class BenchmarkServers
{
    public static readonly string SigningKey = Convert.ToBase64String("warehouse-benchmark-signing-key-32-bytes"u8.ToArray());
    public static readonly string CursorSecret = Convert.ToBase64String(new byte[32]);

    /// <summary>The configuration this suite was built in; the API is taken from the same one.</summary>
    public static string Configuration =>
        typeof(BenchmarkServers).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Release";

    public static ServerProcess Start(County county, string logPath, IDictionary<string, string>? extra = null)
    {
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreeLoopbackPort()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = "0",
            ["ConnectionStrings__Warehouse"] = county.ConnectionString,
            ["Warehouse__Provider"] = county.Provider.ToString(),
            ["Warehouse__MigrateOnStartup"] = "true",
            ["Warehouse__SeedDemoOnStartup"] = "false",
            ["Warehouse__Auth__LocalIssuer__Enabled"] = "true",
            ["Warehouse__Auth__LocalIssuer__SigningKey"] = SigningKey,
            ["Warehouse__Paging__CursorSecret"] = CursorSecret,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var api = RepositoryRoot.ApiAssembly(Configuration);
        return ServerProcess.Start(api, ["--urls", address.ToString().TrimEnd('/')], environment, address, LogTo(logPath));
    }

    /// <summary>The bare baseline endpoints, served by this benchmark's own executable in a process of their own.</summary>
    public static ServerProcess StartBaseline(County county, string logPath)
    {
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreeLoopbackPort()}");
        var self = typeof(BenchmarkServers).Assembly.Location;
        return ServerProcess.Start(
            self,
            [Baselines.BaselineServer.Verb, "--provider", county.Provider == Warehouse.Data.DatabaseProvider.PostgreSql ? "postgresql" : "sqlite",
                "--connection", county.ConnectionString, "--urls", address.ToString().TrimEnd('/')],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" },
            address,
            LogTo(logPath));
    }

    /// <summary>Polls the baseline server until it answers.</summary>
    public static Task<TimeSpan> WaitForBaselineAsync(this ServerProcess baseline, Client client, TimeSpan timeout) =>
        baseline.WaitUntilAsync(
            async () => (await client.GetAsync(baseline, "/benchmark/baseline/ready")).Status == HttpStatusCode.OK,
            timeout,
            TimeSpan.FromMilliseconds(10),
            "The baseline server (see its log)");

    /// <summary>Polls until a GraphQL query answers with data; returns the time since the process started.</summary>
    public static Task<TimeSpan> WaitForFirstAnswerAsync(this ServerProcess server, Client client, string token, TimeSpan timeout)
    {
        var body = Client.GraphQLBody("{ households(first: 1) { nodes { id } } }");
        return server.WaitUntilAsync(
            async () =>
            {
                var response = await client.PostAsync(server, "/graphql", body, token);
                return response.Status == HttpStatusCode.OK && response.Text.Contains("\"data\":{\"households\"", StringComparison.Ordinal);
            },
            timeout,
            TimeSpan.FromMilliseconds(10),
            "The server (see its log)");
    }

    /// <summary>A line writer into a fresh log file; the writer lives as long as the process writes.</summary>
    internal static Action<string> LogTo(string logPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        return line =>
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        };
    }
}
