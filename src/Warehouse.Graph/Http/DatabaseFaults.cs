using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Warehouse.Querying;

namespace Warehouse.Http;

/// <summary>
/// The one mapping of database failures to coded errors, used by the graph's resolvers, its transport and the
/// exports alike: a locked SQLite file (after the bounded busy wait) or a PostgreSQL lock or serialization
/// failure is DATABASE_BUSY, no reachable read replica (fallback off) is REPLICA_UNAVAILABLE, anything else from
/// the database is DATABASE_UNAVAILABLE; all are answered 503, never 500. (A statement cancelled by the request's deadline is no fault: Npgsql reports it as
/// OperationCanceledException, which the callers treat as the timeout.)
/// </summary>
internal static class DatabaseFaults
{
    public static (string Code, string Message)? Classify(Exception e)
    {
        if (e is Warehouse.Data.ReplicaUnavailableException)
        {
            return (ErrorCodes.ReplicaUnavailable, e.Message);
        }
        if (e is SqliteException { SqliteErrorCode: 5 or 6 } || e.InnerException is SqliteException { SqliteErrorCode: 5 or 6 }
            || IsPostgresBusy(e) || IsPostgresBusy(e.InnerException))
        {
            return (ErrorCodes.DatabaseBusy, "The database is busy (another writer holds it); try again shortly.");
        }
        return e is DbException or TimeoutException or DbUpdateException or InvalidOperationException { InnerException: DbException }
            ? (ErrorCodes.DatabaseUnavailable, "The database is unavailable; try again shortly.")
            : null;
    }

    /// <summary>
    /// PostgreSQL's equivalents of a locked file: a lock wait that ran out (lock_timeout, 55P03), a deadlock
    /// victim (40P01) or a serialization failure (40001). Each is transient; trying again shortly succeeds.
    /// </summary>
    private static bool IsPostgresBusy(Exception? e) =>
        e is Npgsql.PostgresException { SqlState: "55P03" or "40P01" or "40001" };
}
