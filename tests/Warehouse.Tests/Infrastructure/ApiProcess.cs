using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Warehouse.Security;
using Warehouse.Tooling;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// The built API as a process of its own (<c>dotnet Warehouse.Api.dll</c>, as in production and in the benchmarks) on
/// a test database, with the tests' signing key and the given cursor secret, so that several instances can share one
/// database the way a fleet does. Tokens are minted here with the same key (<see cref="WarehouseApp.SigningKey"/>).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly LocalTokenIssuer Issuer = new(new LocalIssuerOptions { Enabled = true, SigningKey = WarehouseApp.SigningKey });

    private readonly ServerProcess _server;
    private readonly ConcurrentQueue<string> _output;

    private ApiProcess(ServerProcess server, ConcurrentQueue<string> output)
    {
        _server = server;
        _output = output;
    }

    public Uri Address => _server.Address;

    /// <summary>What the process printed (warnings and errors), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts an instance on <paramref name="database"/> and waits until /readyz answers.</summary>
    public static async Task<ApiProcess> StartAsync(TestDatabase database, string cursorSecret, params (string Key, string Value)[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{ServerProcess.FreeLoopbackPort()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = "0",
            ["Warehouse__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__Warehouse"] = database.ConnectionString,
            // The copy is migrated already; instances starting together must not race to migrate it.
            ["Warehouse__MigrateOnStartup"] = "false",
            ["Warehouse__SeedDemoOnStartup"] = "false",
            ["Warehouse__Auth__LocalIssuer__Enabled"] = "true",
            ["Warehouse__Auth__LocalIssuer__SigningKey"] = WarehouseApp.SigningKey,
            ["Warehouse__Paging__CursorSecret"] = cursorSecret,
            ["Warehouse__Audit__RedactionKey"] = Convert.ToBase64String(new byte[32]),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var output = new ConcurrentQueue<string>();
        var server = ServerProcess.Start(RepositoryRoot.ApiAssembly(Configuration), ["--urls", address.ToString().TrimEnd('/')], environment, address,
            output.Enqueue);
        try
        {
            await server.WaitForStatusAsync("/readyz", TimeSpan.FromSeconds(90), "The API");
            return new ApiProcess(server, output);
        }
        catch (Exception e)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The API did not start: {e.Message}\n{string.Join('\n', output)}", e);
        }
    }

    /// <summary>A client of this instance for a user with the given role and region (a local token).</summary>
    public HttpClient ClientFor(string role, string? region, string user)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Issue(user, role, region, TimeSpan.FromMinutes(30)));
        return client;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The configuration these tests were built in; the API is taken from the same one.</summary>
    private static string Configuration =>
        typeof(ApiProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
}
