using Warehouse.Benchmarks;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Benchmarks;

/// <summary>
/// The suite on PostgreSQL (--provider postgresql), smoke size: the county generated into a database of its own on
/// the run's server, the API and the baselines on Npgsql, the export against psql's COPY. Skipped without
/// WAREHOUSE_POSTGRES (./test.sh sets it). The --peer mode needs Node.js 22 and npm packages and stays manual.
/// Scenario 7 (cold start, demo generation) is left to the SQLite smoke test: nothing in it depends on the provider
/// that other tests do not cover, and it costs this run about half a minute.
/// </summary>
[Trait("Category", TestCategories.Slow)]
public sealed class PostgresBenchmarkTests
{
    [PostgresFact]
    public async Task Smoke_mode_on_postgresql_runs_the_scenarios_and_baselines_answer_the_same_json()
    {
        var output = new StringWriter();
        var outDir = Path.Combine(Path.GetTempPath(), "warehouse-bench-smoke-pg-" + Environment.ProcessId);
        try
        {
            var code = await BenchmarkSuite.RunAsync(["--smoke", "--provider", "postgresql", "--scenarios", "1,2,3,4,5,6,8", "--out", outDir], output);
            var text = output.ToString();
            Assert.True(code == 0, text);
            Assert.Contains("households on PostgreSql", text, StringComparison.Ordinal);
            foreach (var scenario in new[] { 1, 2, 3, 4, 5, 6, 8 })
            {
                Assert.Contains($"| {scenario} |", text, StringComparison.Ordinal);
            }
            Assert.Contains("psql COPY", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(outDir, "results-smoke-postgresql.md")), text);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
            County.DropPostgres(Environment.GetEnvironmentVariable(PostgresServer.Variable)!, "warehouse_bench_2000_seed42");
        }
    }
}
