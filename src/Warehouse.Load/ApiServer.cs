using Warehouse.Tooling;

namespace Warehouse.Load;

/// <summary>
/// Starts the built API for a load run (<c>--start</c>): a SQLite file, loopback only, Development environment with
/// the local issuer on and the run's signing key, and waits until /readyz answers.
/// </summary>
internal static class ApiServer
{
    public static async Task<ServerProcess> StartAsync(LoadOptions options, string database)
    {
        if (!File.Exists(database))
        {
            throw new IOException(
                $"No SQLite file at {database}; create one with: dotnet run --project src/Warehouse.Cli -- seed --connection \"Data Source={database}\"");
        }
        var dll = options.ApiDll ?? RepositoryRoot.ApiAssembly("Release", "Debug");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"{options.Url.Scheme}://127.0.0.1:{options.Url.Port}",
            ["ConnectionStrings__Warehouse"] = $"Data Source={Path.GetFullPath(database)}",
            ["Warehouse__SeedDemoOnStartup"] = "false",
            ["Warehouse__Auth__LocalIssuer__Enabled"] = "true",
            ["Warehouse__Auth__LocalIssuer__SigningKey"] = options.SigningKey!,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // Warnings and errors only (the log level above); they go to our stderr marked as the server's.
        var server = ServerProcess.Start(dll, [], environment, options.Url, line => Console.Error.WriteLine("[api] " + line));
        try
        {
            await server.WaitForStatusAsync("/readyz", TimeSpan.FromSeconds(90), "The API");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
