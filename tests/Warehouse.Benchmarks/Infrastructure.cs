using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;

namespace Warehouse.Benchmarks;

/// <summary>The repository root (the folder holding Warehouse.sln) and the built API.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The API as built next to its project in the suite's own configuration (the project reference builds it).</summary>
    public static string ApiAssembly
    {
        get
        {
            var path = Path.Combine(Root, "src", "Warehouse.Api", "bin", Configuration, "net10.0", "Warehouse.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the API first ({path} is missing).");
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("Warehouse.sln not found above the suite or the current directory.");
    }
}

/// <summary>A generated county in a SQLite file, reused across runs (keyed by size and seed).</summary>
public sealed class County
{
    private County(string path, double? generatedSeconds)
    {
        Path = path;
        GeneratedSeconds = generatedSeconds;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }

    public string Path { get; }
    public string ConnectionString { get; }
    /// <summary>Seconds spent generating it in this run, or null when it was reused.</summary>
    public double? GeneratedSeconds { get; }

    public static County OpenOrCreate(string directory, int households, int seed, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"county-{households}-seed{seed}.db"));
        double? seconds = null;
        if (!File.Exists(path))
        {
            log.WriteLine($"Generating a county of {households:N0} households (seed {seed}) into {path} …");
            seconds = Generate(path, households, seed, log).Elapsed.TotalSeconds;
        }
        // Apply scripts added since the file was generated (e.g. new indexes), outside any measurement.
        MigrationRunner.Run(Options(path));
        SqliteConnection.ClearAllPools();
        return new County(path, seconds);
    }

    /// <summary>Migrates and generates into a fresh file (written under a temporary name, then renamed).</summary>
    public static GenerationSummary Generate(string path, int households, int seed, TextWriter? log)
    {
        var temp = path + ".tmp";
        Delete(temp);
        var options = Options(temp);
        MigrationRunner.Run(options);
        var last = -25.0;
        var summary = Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, CountyCode = options.CountyCode },
            new Progress<GenerationProgress>(p =>
            {
                if (log is not null && p.Percent - last >= 25)
                {
                    last = p.Percent;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Percent:0}% ({p.Table})"));
                }
            }));
        using (var connection = new SqliteConnection(options.ConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        Delete(path);
        File.Move(temp, path);
        Delete(temp + "-wal");
        Delete(temp + "-shm");
        return summary;
    }

    public static DatabaseOptions Options(string path) => new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
        SeedDemoOnStartup = false,
    };

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    public (string, long) TopVillage()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT village_code, COUNT(*) FROM household GROUP BY village_code ORDER BY 2 DESC, 1 LIMIT 1";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetInt64(1));
    }
}

/// <summary>
/// The built API started as a child process (`dotnet Warehouse.Api.dll`) on 127.0.0.1 and a free port, configured
/// by environment variables: the county file, migrations on, no demo seeding, local tokens with a fixed key and a fixed
/// cursor secret; or the suite's own baseline server (<see cref="StartBaseline"/>). Separate processes so that
/// start-up and peak RSS are each one's own.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public static readonly string SigningKey = Convert.ToBase64String("warehouse-benchmark-signing-key-32-bytes"u8.ToArray());
    public static readonly string CursorSecret = Convert.ToBase64String(new byte[32]);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }
    public int Pid => _process.Id;
    public Stopwatch SinceStart { get; } = new();

    public static ServerProcess Start(County county, string logPath, IDictionary<string, string>? extra = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var apiDll = RepoPaths.ApiAssembly;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { apiDll, "--urls", address.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_gcServer"] = "0";
        env["ConnectionStrings__Warehouse"] = county.ConnectionString;
        env["Warehouse__MigrateOnStartup"] = "true";
        env["Warehouse__SeedDemoOnStartup"] = "false";
        env["Warehouse__Auth__LocalIssuer__Enabled"] = "true";
        env["Warehouse__Auth__LocalIssuer__SigningKey"] = SigningKey;
        env["Warehouse__Paging__CursorSecret"] = CursorSecret;
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }
        return Launch(info, logPath, address);
    }

    /// <summary>The bare baseline endpoints, served by this benchmark's own executable in a process of their own.</summary>
    public static ServerProcess StartBaseline(County county, string logPath)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var self = typeof(ServerProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { self, Baselines.BaselineServer.Verb, "--connection", county.ConnectionString, "--urls", address.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(self)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_gcServer"] = "0";
        return Launch(info, logPath, address);
    }

    private static ServerProcess Launch(ProcessStartInfo info, string logPath, Uri address)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        var server = new ServerProcess(process, log, address);
        server.SinceStart.Start();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls the baseline server until it answers.</summary>
    public async Task WaitForBaselineAsync(Client client, TimeSpan timeout)
    {
        while (SinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The baseline server exited with code {_process.ExitCode}; see its log.");
            }
            try
            {
                if ((await client.GetAsync(this, "/benchmark/baseline/ready")).Status == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"The baseline server did not answer within {timeout.TotalSeconds:0} s; see its log.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Polls until a GraphQL query answers with data; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitForFirstAnswerAsync(Client client, string token, TimeSpan timeout)
    {
        var body = Client.GraphQLBody("{ households(first: 1) { nodes { id } } }");
        while (SinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}; see its log.");
            }
            try
            {
                var response = await client.PostAsync(this, "/graphql", body, token);
                if (response.Status == HttpStatusCode.OK && response.Text.Contains("\"data\":{\"households\"", StringComparison.Ordinal))
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No GraphQL answer within {timeout.TotalSeconds:0} s; see the server log.");
    }

    /// <summary>Peak resident set (VmHWM) in MiB, from /proc; null where there is no /proc.</summary>
    public double? PeakRssMiB() => ProcStatus("VmHWM:");

    public double? RssMiB() => ProcStatus("VmRSS:");

    /// <summary>Resets VmHWM to the current RSS (Linux: echo 5 > /proc/pid/clear_refs).</summary>
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

    private double? ProcStatus(string field)
    {
        var path = $"/proc/{Pid}/status";
        if (!File.Exists(path))
        {
            return null;
        }
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A loopback HTTP client (one pooled handler) that reads every body to the end.</summary>
public sealed class Client : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromMinutes(10) };

    public readonly record struct Response(HttpStatusCode Status, string Text, long Bytes);

    public static byte[] GraphQLBody(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    public async Task<Response> PostAsync(ServerProcess server, string path, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, Encoding.UTF8.GetString(bytes), bytes.Length);
    }

    public async Task<Response> GetAsync(ServerProcess server, string pathAndQuery)
    {
        using var response = await _http.GetAsync(new Uri(server.Address, pathAndQuery));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, Encoding.UTF8.GetString(bytes), bytes.Length);
    }

    /// <summary>Streams a GET to the end, counting bytes and newlines (CSV rows) without keeping the body.</summary>
    public async Task<(HttpStatusCode Status, long Bytes, long Lines)> StreamAsync(ServerProcess server, string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        return (response.StatusCode, bytes, lines);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>JSON comparison for "the same JSON": structure, strings and numbers (numbers with a relative tolerance).</summary>
public static class JsonCompare
{
    public static string? Difference(string ours, string baseline)
    {
        JsonNode? a, b;
        try
        {
            a = JsonNode.Parse(ours);
            b = JsonNode.Parse(baseline);
        }
        catch (JsonException e)
        {
            return "not JSON: " + e.Message;
        }
        return Compare(a, b, "$");
    }

    private static string? Compare(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                if (!x.Select(p => p.Key).SequenceEqual(y.Select(p => p.Key)))
                {
                    return $"{path}: keys [{string.Join(",", x.Select(p => p.Key))}] vs [{string.Join(",", y.Select(p => p.Key))}]";
                }
                foreach (var (key, value) in x)
                {
                    if (Compare(value, y[key], path + "." + key) is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return $"{path}: {x.Count} items vs {y.Count}";
                }
                for (var i = 0; i < x.Count; i++)
                {
                    if (Compare(x[i], y[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                var (p, q) = (x.GetValue<double>(), y.GetValue<double>());
                return Math.Abs(p - q) <= 1e-9 * Math.Max(1, Math.Abs(q)) ? null : $"{path}: {p} vs {q}";
            default:
                return a?.ToJsonString() == b?.ToJsonString() ? null : $"{path}: {a?.ToJsonString()} vs {b?.ToJsonString()}";
        }
    }
}
