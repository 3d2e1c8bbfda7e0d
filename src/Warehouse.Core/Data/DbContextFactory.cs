using Microsoft.EntityFrameworkCore;

namespace Warehouse.Data;

/// <summary>Creates contexts outside dependency injection (CLI, migrations) with the same settings as the server.</summary>
public static class DbContextFactory
{
    public static WarehouseDbContext Create(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<WarehouseDbContext>();
        Configure(builder, options);
        return new WarehouseDbContext(builder.Options);
    }

    /// <summary>
    /// The server's settings. <paramref name="attachAudit"/>: on SQLite, attach the audit file to every connection
    /// (the primary; see <see cref="SqliteAuditFile"/>); off for read replicas, which serve data reads only.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, bool attachAudit = true)
    {
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            builder.UseSqlServer(options.ConnectionString);
        }
        else if (options.Provider == DatabaseProvider.PostgreSql)
        {
            // Npgsql cancels a running statement when the request's token fires (it sends PostgreSQL a cancel
            // request), so the request deadline stops the database work with no interceptor.
            builder.UseNpgsql(WithLockTimeout(options.ConnectionString, options.BusyTimeoutSeconds));
        }
        else
        {
            // Microsoft.Data.Sqlite retries a busy database until the command timeout: that is the bounded wait.
            builder.UseSqlite(options.ConnectionString, o => o.CommandTimeout(options.BusyTimeoutSeconds));
            builder.AddInterceptors(SqliteInterruptInterceptor.Instance);
            if (options.SqliteMmapMegabytes > 0)
            {
                builder.AddInterceptors(new SqliteMemoryMap(options.SqliteMmapMegabytes));
            }
            if (attachAudit)
            {
                builder.AddInterceptors(new SqliteAuditInterceptor(SqliteAuditFile.PathFor(options)));
            }
        }
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        builder.AddInterceptors(Observability.DbTimingInterceptor.Instance, StatementCapture.Instance);
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
    }

    /// <summary>
    /// PostgreSQL's bounded wait for another writer's lock, as SQLite's busy timeout: each session starts with
    /// <c>lock_timeout</c> set to <paramref name="seconds"/>, so a write blocked by another transaction fails with
    /// 55P03 (DATABASE_BUSY) after that long instead of waiting out the request deadline. An operator's own
    /// <c>lock_timeout</c> in the connection string's Options is kept.
    /// </summary>
    internal static string WithLockTimeout(string connectionString, int seconds)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (seconds <= 0 || builder.Options?.Contains("lock_timeout", StringComparison.Ordinal) == true)
        {
            return connectionString;
        }
        builder.Options = $"{builder.Options} -c lock_timeout={seconds * 1000}".Trim();
        return builder.ToString();
    }
}
