using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Data;

/// <summary>
/// Attaches the audit file (<see cref="SqliteAuditFile"/>) to every SQLite connection EF Core opens on the primary,
/// once per pooled native handle. Read replicas do not get it: a replica serves data reads only.
/// </summary>
internal sealed class SqliteAuditInterceptor(string path) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Attach(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // ATTACH is a local file open: no I/O wait worth an async path (Microsoft.Data.Sqlite has none anyway).
        Attach(connection);
        return Task.CompletedTask;
    }

    private void Attach(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteAuditFile.Attach(sqlite, path);
        }
    }
}
