namespace Warehouse.Benchmarks;

/// <summary>Entry point (a named class, so it does not clash with the API's Program in the test project).</summary>
public static class EntryPoint
{
    public static Task<int> Main(string[] args) =>
        args.Length > 0 && args[0] == Baselines.BaselineServer.Verb ? Baselines.BaselineServer.RunAsync(args[1..]) : BenchmarkSuite.RunAsync(args, Console.Out);
}
