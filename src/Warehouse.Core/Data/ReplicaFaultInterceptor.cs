using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Warehouse.Data;

/// <summary>
/// Watches the commands sent to one read replica: when one fails because the replica went away (its connection
/// broke, it is shutting down or starting), <see cref="ReadContexts"/> is told, so the next reads go elsewhere at once
/// instead of each taking one of the dead connections left in the pool. The failing read itself is answered
/// DATABASE_UNAVAILABLE (503, try again); rows may already have been sent, so it is not replayed on the primary.
/// </summary>
internal sealed class ReplicaFaultInterceptor(Action<DbConnection?, Exception> down) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command, eventData.Exception);

    /// <summary>A command failed; also called for commands read outside EF Core's pipeline (plain export pages).</summary>
    public void Failed(DbCommand command, Exception e)
    {
        if (IsReplicaGone(e))
        {
            down(command.Connection, e);
        }
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A broken connection or a server going down or not yet up (PostgreSQL classes 08 and 57P; not 57014, a
    /// statement cancelled by the request's deadline, nor 40001, a query cancelled by a recovery conflict, which
    /// say nothing about the replica's health); on other engines, what the driver calls transient.
    /// </summary>
    public static bool IsReplicaGone(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        DbException d => d.IsTransient,
        _ => e.InnerException is { } inner && IsReplicaGone(inner),
    };
}
