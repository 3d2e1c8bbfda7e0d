namespace Warehouse.Cli;

/// <summary>Entry point (a named class, so it does not clash with the API's Program in the test project).</summary>
public static class EntryPoint
{
    public static Task<int> Main(string[] args)
    {
        Warehouse.Data.SqliteThreading.Configure(); // before any SQLite connection opens in this process
        return CliApp.RunAsync(args, Console.Out, Console.Error);
    }
}
