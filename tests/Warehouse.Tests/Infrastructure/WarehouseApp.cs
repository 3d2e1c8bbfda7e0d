using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warehouse.Data;
using Warehouse.Security;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// The real API over HTTP (in-process test server) on a private copy of the generated warehouse (SQLite by default,
/// or PostgreSQL), with the local issuer on and a fixed test key, and EF Core's SQL recorded.
/// </summary>
public sealed class WarehouseApp : WebApplicationFactory<Program>
{
    public static readonly string SigningKey = Convert.ToBase64String("warehouse-tests-signing-key-32-bytes!!"u8.ToArray());

    private readonly (string Key, string Value)[] _settings;

    /// <param name="settings">Extra configuration for this app (e.g. a limit under test).</param>
    public WarehouseApp(params (string Key, string Value)[] settings)
        : this(DatabaseProvider.Sqlite, settings)
    {
    }

    /// <param name="provider">The database engine of this app's private copy of the county.</param>
    /// <param name="settings">Extra configuration for this app (e.g. a limit under test).</param>
    public WarehouseApp(DatabaseProvider provider, params (string Key, string Value)[] settings)
        : this(TestDatabase.Copy(provider), settings)
    {
    }

    /// <param name="database">The warehouse copy to serve (disposed with the app).</param>
    /// <param name="settings">Extra configuration for this app.</param>
    public WarehouseApp(TestDatabase database, params (string Key, string Value)[] settings)
    {
        _settings = settings;
        Database = database;
    }

    public TestDatabase Database { get; }

    /// <summary>The server's clock, when a test sets the date (the minors rule, audit times); the system clock otherwise.</summary>
    public TimeProvider? Clock { get; init; }
    public SqlLog SqlLog { get; } = new();
    public ProblemLog Problems { get; } = new();

    /// <summary>
    /// Runs this app on Kestrel on a free loopback port (a real socket: raw HTTP framing reaches the real parser)
    /// and returns its base address; <see cref="WebApplicationFactory{T}.CreateClient()"/> then talks to it.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Warehouse:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Warehouse", Database.ConnectionString);
        builder.UseSetting("Warehouse:MigrateOnStartup", "true");
        builder.UseSetting("Warehouse:SeedDemoOnStartup", "false");
        builder.UseSetting("Warehouse:Auth:LocalIssuer:Enabled", "true");
        builder.UseSetting("Warehouse:Auth:LocalIssuer:SigningKey", SigningKey);
        builder.UseSetting("Warehouse:Paging:CursorSecret", Convert.ToBase64String(new byte[32]));
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(l => l.AddProvider(SqlLog).AddProvider(Problems));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is not null)
        {
            builder.ConfigureServices(s => s.AddSingleton(Clock));
        }
    }

    public LocalTokenIssuer Issuer => Services.GetRequiredService<LocalTokenIssuer>();

    public string Token(string role, string? region, string? user = null) =>
        Issuer.Issue(user ?? $"test-{role}-{region}", role, region, TimeSpan.FromMinutes(30));

    public HttpClient ClientFor(string role, string? region, string? user = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, region, user));
        return client;
    }

    /// <summary>POSTs a query and returns the parsed body (asserting the status when given).</summary>
    public static async Task<JsonObject> PostAsync(HttpClient client, string query, object? variables = null, int? expectStatus = 200)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        if (expectStatus is { } status)
        {
            Xunit.Assert.True((int)response.StatusCode == status, $"HTTP {(int)response.StatusCode} (expected {status}): {text}");
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>POSTs a query that must succeed without errors and returns data.</summary>
    public static async Task<JsonObject> DataAsync(HttpClient client, string query, object? variables = null)
    {
        var body = await PostAsync(client, query, variables);
        Xunit.Assert.True(body["errors"] is null, "errors: " + body["errors"]?.ToJsonString(
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return body["data"]!.AsObject();
    }

    public static string? FirstErrorCode(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
