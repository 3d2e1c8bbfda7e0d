using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// The corpus's server: the real API on Kestrel on a free loopback port (so raw HTTP framing reaches the real
/// parser) in the Development environment — the one where the exception page is switched on, so a stack trace
/// that could leak at all would leak here — with every Error-level log entry recorded.
/// </summary>
public sealed class CorpusFixture : IDisposable
{
    public CorpusFixture()
    {
        App = new WarehouseApp(("environment", "Development"));
        BaseAddress = App.StartOnLoopback();
    }

    public WarehouseApp App { get; }
    public Uri BaseAddress { get; }

    public string County => "139901000000";
    public string Township => Sql.Strings(App.Database, "SELECT code FROM region WHERE level='TOWNSHIP' ORDER BY code LIMIT 1")[0];
    /// <summary>The largest village of <see cref="Township"/>.</summary>
    public string Village =>
        Sql.Strings(App.Database,
        "SELECT village_code FROM household WHERE township_code = @t GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1", ("@t", Township))[0];

    public void Dispose() => App.Dispose();
}
