using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Warehouse.Querying;

namespace Warehouse.Api.Hosting;

/// <summary>
/// The one mapping of database failures to coded errors, used by the graph's resolvers, its transport and the
/// exports alike: a locked SQLite file (after the bounded busy wait) is DATABASE_BUSY, anything else from the
/// database is DATABASE_UNAVAILABLE; both are answered 503, never 500.
/// </summary>
public static class DatabaseFaults
{
    public static (string Code, string Message)? Classify(Exception e)
    {
        if (e is SqliteException { SqliteErrorCode: 5 or 6 } || e.InnerException is SqliteException { SqliteErrorCode: 5 or 6 })
        {
            return (ErrorCodes.DatabaseBusy, "The database is busy (another writer holds it); try again shortly.");
        }
        return e is DbException or TimeoutException or DbUpdateException or InvalidOperationException { InnerException: DbException }
            ? (ErrorCodes.DatabaseUnavailable, "The database is unavailable; try again shortly.")
            : null;
    }
}
