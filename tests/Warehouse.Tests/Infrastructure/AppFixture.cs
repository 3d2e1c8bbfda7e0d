namespace Warehouse.Tests.Infrastructure;

/// <summary>One read-only app per test class that does not change data (xunit class fixture).</summary>
public class AppFixture : IDisposable
{
    public AppFixture()
        : this(new WarehouseApp())
    {
    }

    protected AppFixture(WarehouseApp app) => App = app;

    public WarehouseApp App { get; }

    /// <summary>A few real region codes of the generated county, read by SQL.</summary>
    public string County => "139901000000";
    public string Township => Sql.Strings(App.Database, "SELECT code FROM region WHERE level='TOWNSHIP' ORDER BY code LIMIT 1")[0];
    /// <summary>The largest village of <see cref="Township"/>, so the township's scope contains the village's rows.</summary>
    public string Village => Sql.Strings(App.Database, "SELECT village_code FROM household WHERE township_code = @t GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1", ("@t", Township))[0];

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
