using Warehouse.Data;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// Read-only apps for a test class that does not change data (xunit class fixture), one per provider, each started
/// on first use: <c>fixture[provider]</c> in the classes that run on every provider (their theories take the
/// provider as first argument, see <see cref="ProviderTheoryAttribute"/>), <c>fixture.App</c> (SQLite) in the rest.
/// </summary>
public class AppFixture : IDisposable
{
    private readonly Dictionary<DatabaseProvider, Lazy<ProviderApp>> _apps;

    public AppFixture()
        : this(p => new WarehouseApp(p))
    {
    }

    /// <summary>A fixture whose apps are made by <paramref name="create"/> (e.g. over another generated county, see <see cref="SecondSeedFixture"/>).</summary>
    protected AppFixture(Func<DatabaseProvider, WarehouseApp> create) =>
        _apps = Providers.All.ToDictionary(p => p, p => new Lazy<ProviderApp>(() => new ProviderApp(create(p))));

    public ProviderApp this[DatabaseProvider provider] => _apps[provider].Value;

    public WarehouseApp App => this[DatabaseProvider.Sqlite].App;
    public string County => this[DatabaseProvider.Sqlite].County;
    public string Township => this[DatabaseProvider.Sqlite].Township;
    public string Village => this[DatabaseProvider.Sqlite].Village;

    public void Dispose()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            app.Value.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One provider's app of an <see cref="AppFixture"/>, with a few real region codes of its county.</summary>
public sealed class ProviderApp(WarehouseApp app) : IDisposable
{
    public DatabaseProvider Provider => App.Database.Provider;

    public WarehouseApp App { get; } = app;

    /// <summary>A few real region codes of the generated county, read by SQL.</summary>
    public string County => "139901000000";
    public string Township => Sql.Strings(App.Database, "SELECT code FROM region WHERE level='TOWNSHIP' ORDER BY code LIMIT 1")[0];
    /// <summary>The largest village of <see cref="Township"/>, so the township's scope contains the village's rows.</summary>
    public string Village =>
        Sql.Strings(App.Database,
        "SELECT village_code FROM household WHERE township_code = @t GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1", ("@t", Township))[0];

    public void Dispose() => App.Dispose();
}
