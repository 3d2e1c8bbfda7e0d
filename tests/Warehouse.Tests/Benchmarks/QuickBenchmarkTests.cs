using Warehouse.Benchmarks;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Benchmarks;

/// <summary>
/// Keeps the performance suite (tests/Warehouse.Benchmarks) from rotting: its smoke mode goes through every scenario
/// once on a tiny county (a built API as a child process, baselines, JSON equality) and must succeed. Timings are
/// not asserted here; the full run and its targets are in docs/performance.md.
/// </summary>
[Trait("Category", TestCategories.Slow)]
public sealed class QuickBenchmarkTests
{
    [Fact]
    public async Task Smoke_mode_runs_every_scenario_and_baselines_answer_the_same_json()
    {
        var output = new StringWriter();
        var outDir = Path.Combine(Path.GetTempPath(), "warehouse-bench-smoke-" + Environment.ProcessId);
        try
        {
            var code = await BenchmarkSuite.RunAsync(["--smoke", "--out", outDir], output);
            var text = output.ToString();
            Assert.True(code == 0, text);
            Assert.Contains("ratio", text, StringComparison.Ordinal);
            for (var scenario = 1; scenario <= 8; scenario++)
            {
                Assert.Contains($"| {scenario} |", text, StringComparison.Ordinal);
            }
            Assert.True(File.Exists(Path.Combine(outDir, "results-smoke.md")), text);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }
}
