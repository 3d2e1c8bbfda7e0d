using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Data;

/// <summary>
/// Reads the data file through a memory map (<c>PRAGMA main.mmap_size</c>) on every SQLite connection EF Core opens,
/// set once per pooled native handle. Why: each connection otherwise keeps a private page cache of 2 MB, far less
/// than what a mix of requests touches, so pages were copied in again and again with <c>pread</c> — half of the soak's
/// server CPU in kernel copies and SQLite's cache management. Through the map, every connection reads the operating
/// system's one copy of the page. Measured (64 clients, 60 s, the 30,000-household demo county): 151 → 383 requests/s,
/// p99 1,078 → 471 ms (docs/performance.md).
/// <para>
/// It pays only because the audit trail has its own file (<see cref="SqliteAuditFile"/>): SQLite drops and rebuilds a
/// connection's map when the file's WAL changes, which with audit commits in the data file happened on nearly every
/// request and made the map slower than <c>pread</c>. Now the data file changes only on imports and admin changes.
/// The audit file (schema <c>audit</c>) is not mapped. Limits, from SQLite's documentation: an I/O error on a mapped
/// page cannot be reported as an error (the process gets a signal), so a data file that another program truncates
/// while the server runs can stop the server; 0 turns the map off (docs/deployment.md).
/// </para>
/// </summary>
internal sealed class SqliteMemoryMap(int megabytes) : DbConnectionInterceptor
{
    /// <summary>256 MB: the whole demo county's data file (about 110 MB) and the hot part of a larger one.</summary>
    public const int DefaultMegabytes = 256;

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Mapped = new();
    private static readonly object Seen = new();
    private readonly string _pragma = "PRAGMA main.mmap_size = " + (megabytes * 1024L * 1024L).ToString(CultureInfo.InvariantCulture) + ";";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection); // a pragma on a local handle: nothing to wait for
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Mapped.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = sqlite.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
        Mapped.AddOrUpdate(handle, Seen);
    }
}
