using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Warehouse.Tooling;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// A streaming replica of the run's PostgreSQL cluster (<see cref="PostgresServer"/>): <c>pg_basebackup -R</c>
/// into a data directory of its own, started as a hot standby on another free loopback port. As root (CI) it runs
/// as the <c>postgres</c> user, like the cluster (PostgreSQL refuses to run as root). <see cref="Dispose"/> stops it
/// (pg_ctl -m immediate) and deletes its directory whatever happened.
/// </summary>
public sealed class StreamingReplica : IDisposable
{
    public const string BinVariable = "WAREHOUSE_POSTGRES_BIN";

    public const string SkipReason =
        BinVariable + " is not set: the read-replica test needs PostgreSQL's programs (pg_basebackup, pg_ctl) of the test cluster; run ./test.sh.";

    private readonly string _directory;
    private bool _running;

    private StreamingReplica(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    /// <summary>The PostgreSQL bin directory of the test cluster (./test.sh exports it), or null.</summary>
    public static string? BinDirectory => Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin
        && File.Exists(Path.Combine(bin, "pg_basebackup")) ? bin : null;

    public int Port { get; }

    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Base backup of the whole cluster (every database, the test's copy included), then started as a standby.</summary>
    public static StreamingReplica Start()
    {
        var primary = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString("postgres"));
        var directory = Path.Combine(Path.GetTempPath(), $"warehouse-replica-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var replica = new StreamingReplica(directory, ServerProcess.FreeLoopbackPort());
        try
        {
            if (IsRoot)
            {
                Run("chown", "postgres:postgres", directory);
            }
            RunAsPostgres("pg_basebackup", "-h", primary.Host!, "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", primary.Username!,
                "-D", replica.DataDirectory, "-R", "-X", "stream", "-c", "fast", "--no-sync");
            // A hot standby needs at least the primary's max_connections (./test.sh raises it); the rest as the primary runs.
            var maxConnections = Scalar(PostgresServer.ConnectionString("postgres"), "SHOW max_connections");
            RunAsPostgres("pg_ctl", "-D", replica.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-c listen_addresses=127.0.0.1 -p {replica.Port} -k {directory} -c max_connections={maxConnections} -c hot_standby=on " +
                "-c hot_standby_feedback=on -c max_standby_streaming_delay=-1 -c fsync=off");
            replica._running = true;
            return replica;
        }
        catch
        {
            replica.Dispose();
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on the replica (the primary's, another port).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString(database)) { Port = Port }.ToString();

    /// <summary>
    /// Waits until the replica has replayed everything the primary had committed when called; returns how long that
    /// took from the primary's answer (pooled connections and a 1 ms poll, so the figure is the replication's, not ours).
    /// The target is the WAL *insert* position: the test cluster commits with synchronous_commit off, so a committed
    /// transaction's record can still be in the primary's WAL buffers, past the write position (pg_current_wal_lsn),
    /// and a wait for the write position could return before the replica had it (a stale read seen once in CI).
    /// </summary>
    public TimeSpan WaitForReplay(TimeSpan timeout)
    {
        using var primary = new NpgsqlConnection(PostgresServer.ConnectionString("postgres"));
        using var standby = new NpgsqlConnection(ConnectionString("postgres"));
        standby.Open();
        primary.Open();
        using var current = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", primary);
        var target = (string)current.ExecuteScalar()!;
        var clock = Stopwatch.StartNew();
        using var replayed = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= @target::pg_lsn", standby);
        replayed.Parameters.AddWithValue("target", target);
        while (!(bool)replayed.ExecuteScalar()!)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The replica had not replayed up to {target} after {timeout.TotalSeconds:0} s.");
            }
            Thread.Sleep(1);
        }
        return clock.Elapsed;
    }

    /// <summary>One value of a statement on the replica's database <paramref name="database"/>, as text.</summary>
    public string Query(string database, string sql) => Scalar(ConnectionString(database), sql);

    /// <summary>Stops the replica (fast: sessions are told and closed); a no-op once stopped.</summary>
    public void Stop(string mode = "fast")
    {
        if (!_running)
        {
            return;
        }
        _running = false;
        RunAsPostgres("pg_ctl", "-D", DataDirectory, "-m", mode, "-w", "-t", "60", "stop");
    }

    public void Dispose()
    {
        try
        {
            Stop("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already gone; the directory is removed below either way.
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static void RunAsPostgres(string program, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory ?? throw new InvalidOperationException(SkipReason), program);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 3 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
        }
    }
}
