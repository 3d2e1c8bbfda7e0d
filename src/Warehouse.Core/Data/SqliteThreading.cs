using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>
/// Puts the SQLite library in multi-thread mode (<c>SQLITE_CONFIG_MULTITHREAD</c>) before the process opens its
/// first connection. The bundled library is built serialized: every call on a connection — each column read of each
/// row — takes and releases that connection's mutex, which was 7–8 % of a CSV export's CPU. ADO.NET already forbids
/// using one connection from two threads at once (EF Core's contexts and our plain readers use a connection from
/// one flow at a time; the pool hands a connection to one owner), which is what multi-thread mode requires. Shared
/// structures (the page cache allocator, the pool of connections) keep their own locks in this mode, and
/// <c>sqlite3_interrupt</c>, which the request deadline calls from a timer thread, takes no connection mutex in any
/// mode.
/// <para>
/// The same call turns off SQLite's memory statistics (<c>SQLITE_CONFIG_MEMSTATUS</c>): with them on, every
/// allocation — and preparing a statement over our views allocates a great deal — takes one process-wide mutex to
/// count bytes that nothing here reads (no soft heap limit is set).
/// </para>
/// <para>
/// SQLite accepts these settings only before it is initialised, that is before the first connection in the process
/// opens; after that the call is refused and the library stays serialized, which is slower, not wrong. Hosts call
/// <see cref="Configure"/> first thing; <see cref="Mode"/> says which mode the process got.
/// </para>
/// </summary>
public static class SqliteThreading
{
    private const int ConfigMultiThread = 2; // SQLITE_CONFIG_MULTITHREAD
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS
    private static readonly Lazy<string> Applied = new(Apply);

    /// <summary>"multi-thread" when the setting took, "serialized" when SQLite was already initialised.</summary>
    public static string Mode => Applied.Value;

    /// <summary>Applies the setting once per process; later calls return the first call's result.</summary>
    public static string Configure() => Applied.Value;

    private static string Apply()
    {
        // Loads the bundled native library and registers it with SQLitePCL, as opening a connection would, without
        // initialising SQLite (the constructor does not open anything).
        using (new SqliteConnection())
        {
        }
        if (SQLitePCL.raw.sqlite3_config(ConfigMultiThread) != SQLitePCL.raw.SQLITE_OK)
        {
            return "serialized";
        }
        // Accepted whenever the first one was (both need an uninitialised library); a refusal only keeps the counters.
        _ = SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0);
        return "multi-thread";
    }
}
