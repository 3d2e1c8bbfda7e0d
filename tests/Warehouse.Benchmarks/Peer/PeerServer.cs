using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Npgsql;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks.Peer;

/// <summary>
/// The peer, PostGraphile 5 (tests/Warehouse.Benchmarks/Peer: package.json with pinned versions, its lock file and
/// server.mjs), installed on demand with <c>npm ci</c> into the suite's work directory (never committed), and run
/// under the Node.js 22 that the lock file pins as the npm package <c>node</c> (PostGraphile 5 needs Node 22 or
/// later; Debian's is 20). A child process on 127.0.0.1 and a free port, killed with its tree when disposed.
/// </summary>
internal static class PeerServer
{
    private static readonly string[] Files = ["package.json", "package-lock.json", "server.mjs"];

    /// <summary>Copies the peer's files into <paramref name="workDirectory"/>/peer and runs npm ci when the lock file changed.</summary>
    /// <returns>The peer's folder and its Node.js binary.</returns>
    public static async Task<(string Folder, string Node)> InstallAsync(string workDirectory, TextWriter log)
    {
        var source = Path.Combine(RepositoryRoot.Path, "tests", "Warehouse.Benchmarks", "Peer");
        var folder = Path.Combine(workDirectory, "peer");
        Directory.CreateDirectory(folder);
        foreach (var file in Files)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
        }
        var stamp = Path.Combine(folder, "node_modules", ".warehouse-lock-sha256");
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, "package-lock.json"))));
        var node = Path.Combine(folder, "node_modules", "node", "bin", "node");
        if (!File.Exists(stamp) || await File.ReadAllTextAsync(stamp) != lockHash || !File.Exists(node))
        {
            await log.WriteLineAsync($"Installing the peer (npm ci in {folder}; PostGraphile 5 and Node.js 22, about a minute) …");
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], folder, TimeSpan.FromMinutes(10));
            await File.WriteAllTextAsync(stamp, lockHash);
        }
        var version = (await RunAsync(node, ["--version"], folder, TimeSpan.FromSeconds(30))).Trim();
        if (!int.TryParse(version.TrimStart('v').Split('.')[0], out var major) || major < 22)
        {
            throw new InvalidOperationException($"the peer needs Node.js 22 or later, {node} is {version}");
        }
        return (folder, node);
    }

    /// <summary>Starts server.mjs over the county's database and waits until it answers a GraphQL request.</summary>
    public static async Task<ServerProcess> StartAsync(string folder, string node, County county, string logPath, Client client)
    {
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreeLoopbackPort()}");
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = PostgresUrl(county.ConnectionString),
            ["PORT"] = address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NODE_ENV"] = "production",
            ["GRAPHILE_ENV"] = "production",
        };
        var server = ServerProcess.StartProgram(node, ["server.mjs"], folder, environment, address, BenchmarkServers.LogTo(logPath));
        try
        {
            var body = Client.GraphQLBody("{ __typename }");
            await server.WaitUntilAsync(
                async () => (await client.PostAsync(server, "/graphql", body, null)).Status == HttpStatusCode.OK,
                TimeSpan.FromMinutes(2),
                TimeSpan.FromMilliseconds(100),
                "The PostGraphile peer (see its log " + logPath + ")");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Npgsql connection string as the postgres:// URL node-postgres takes.</summary>
    public static string PostgresUrl(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(b.Username ?? "postgres");
        var password = string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password);
        return $"postgres://{user}{password}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? "postgres")}";
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string folder, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} took longer than {timeout}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
        }
        return await output;
    }
}
