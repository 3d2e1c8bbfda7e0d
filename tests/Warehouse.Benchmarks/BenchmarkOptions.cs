using System.Globalization;
using Warehouse.Data;

namespace Warehouse.Benchmarks;

public enum BenchmarkMode
{
    /// <summary>300,000 households (or --households), enough iterations for stable medians.</summary>
    Full,
    /// <summary>A small county and few iterations: proves the suite works, in under two minutes.</summary>
    Quick,
    /// <summary>Every scenario once on a tiny county (the test command runs this).</summary>
    Smoke,
}

/// <summary>
/// Command line: [--households N] [--seed S] [--quick|--smoke] [--scenarios 1,2,...] [--out DIR]
/// [--provider sqlite|postgresql] [--postgres CONNECTION] [--peer].
/// </summary>
public sealed record BenchmarkOptions
{
    /// <summary>The environment variable ./test.sh exports with its throwaway cluster's connection string.</summary>
    public const string PostgresVariable = "WAREHOUSE_POSTGRES";

    public const string Usage =
        "Usage: [--households N] [--seed S] [--quick|--smoke] [--scenarios 1,2,...] [--out DIR] [--provider sqlite|postgresql] " +
        "[--postgres CONNECTION] [--peer]";

    public BenchmarkMode Mode { get; init; } = BenchmarkMode.Full;
    public int Households { get; init; } = 300_000;
    public int Seed { get; init; } = 42;
    public IReadOnlySet<int> Scenarios { get; init; } = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 };
    public string? OutputDirectory { get; init; }

    /// <summary>Where the county lives and the API and the baselines read it.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// PostgreSQL: a superuser connection string of the server (its database is ignored: the suite creates its own
    /// databases there); from --postgres, else WAREHOUSE_POSTGRES.
    /// </summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Also measure scenarios 1 and 4 against PostGraphile 5 over the same PostgreSQL data.</summary>
    public bool Peer { get; init; }

    /// <summary>Unmeasured requests per side before measuring.</summary>
    public int WarmUp => Mode switch { BenchmarkMode.Full => 20, BenchmarkMode.Quick => 5, _ => 1 };

    /// <summary>
    /// Fewest warm-up requests per side of a latency scenario, whatever the compilers say: measured by hand, a server
    /// answered scenario 1 in 11–12 ms for its first ~1,000 such requests and settled at 4.5–5.5 ms after ~1,500,
    /// while a quiet-compiler round of 20 requests (0.3 s) could pass long before that.
    /// </summary>
    public int MinWarmUp => Mode switch { BenchmarkMode.Full => 1500, BenchmarkMode.Quick => 300, _ => 1 };

    /// <summary>Shortest warm-up round: the compilers' quietness is judged over this long, not over one burst.</summary>
    public TimeSpan WarmUpRound => Mode switch
    {
        BenchmarkMode.Full => TimeSpan.FromSeconds(2),
        BenchmarkMode.Quick => TimeSpan.FromSeconds(1),
        _ => TimeSpan.Zero,
    };

    /// <summary>The longest a latency scenario's warm-up waits for the servers' runtimes to stop tiering up its code.</summary>
    public TimeSpan SettleLimit => Mode switch
    {
        BenchmarkMode.Full => TimeSpan.FromSeconds(45),
        BenchmarkMode.Quick => TimeSpan.FromSeconds(10),
        _ => TimeSpan.Zero,
    };

    /// <summary>Measured requests per side (fewer when the time budget runs out).</summary>
    public int Iterations => Mode switch { BenchmarkMode.Full => 200, BenchmarkMode.Quick => 30, _ => 2 };

    /// <summary>Time budget per latency scenario's measured requests (after the warm-up).</summary>
    public TimeSpan ScenarioBudget => Mode switch
    {
        BenchmarkMode.Full => TimeSpan.FromSeconds(60),
        BenchmarkMode.Quick => TimeSpan.FromSeconds(8),
        _ => TimeSpan.FromSeconds(3),
    };

    /// <summary>Scenario 4: seconds of load per round; rounds alternate ours and baseline.</summary>
    public TimeSpan ThroughputRound => Mode switch
    {
        BenchmarkMode.Full => TimeSpan.FromSeconds(5),
        BenchmarkMode.Quick => TimeSpan.FromSeconds(2),
        _ => TimeSpan.FromSeconds(0.5),
    };

    public int ThroughputRounds => Mode switch { BenchmarkMode.Full => 3, BenchmarkMode.Quick => 2, _ => 1 };

    /// <summary>Scenario 6: exports per side.</summary>
    public int ExportRuns => Mode switch { BenchmarkMode.Full => 3, BenchmarkMode.Quick => 2, _ => 1 };

    /// <summary>Scenario 7: cold starts measured.</summary>
    public int ColdStarts => Mode switch { BenchmarkMode.Full => 3, BenchmarkMode.Quick => 2, _ => 1 };

    /// <summary>Scenario 7: households of the generated demo county (the target is for 30,000).</summary>
    public int DemoHouseholds => Mode == BenchmarkMode.Smoke ? 1_000 : 30_000;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var options = new BenchmarkOptions();
        int? households = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick":
                    options = options with { Mode = BenchmarkMode.Quick };
                    break;
                case "--smoke":
                    options = options with { Mode = BenchmarkMode.Smoke };
                    break;
                case "--households":
                    households = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    options = options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--scenarios":
                    options = options with { Scenarios = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() };
                    break;
                case "--out":
                    options = options with { OutputDirectory = Next() };
                    break;
                case "--provider":
                    options = options with { Provider = ParseProvider(Next()) };
                    break;
                case "--postgres":
                    options = options with { PostgresConnection = Next() };
                    break;
                case "--peer":
                    options = options with { Peer = true };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]}. {Usage}");
            }
        }
        if (options.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(options.PostgresConnection))
        {
            options = options with { PostgresConnection = environment(PostgresVariable) };
            if (string.IsNullOrWhiteSpace(options.PostgresConnection))
            {
                throw new ArgumentException(
                    $"--provider postgresql needs a server: --postgres \"Host=127.0.0.1;Port=…;Username=postgres\" or {PostgresVariable} " +
                    "(docs/performance.md shows how to start a throwaway cluster).");
            }
        }
        if (options.Peer && options.Provider != DatabaseProvider.PostgreSql)
        {
            throw new ArgumentException("--peer measures PostGraphile, which runs on PostgreSQL only: add --provider postgresql.");
        }
        return options with
        {
            Households = households ?? options.Mode switch { BenchmarkMode.Quick => 5_000, BenchmarkMode.Smoke => 2_000, _ => 300_000 },
        };
    }

    private static DatabaseProvider ParseProvider(string value) => value.ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" => DatabaseProvider.PostgreSql,
        _ => throw new ArgumentException($"--provider {value}: sqlite or postgresql (SQL Server cannot run on these machines)."),
    };
}
