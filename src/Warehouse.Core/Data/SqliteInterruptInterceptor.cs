using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Data;

/// <summary>
/// Makes a cancellation token stop a running SQLite statement. Microsoft.Data.Sqlite ignores the token once a
/// statement is stepping (SqliteCommand.Cancel does nothing), so a timed-out request went on holding a core until
/// its query ended by itself (41 s for a 30 s limit). Here the token is tied to <c>sqlite3_interrupt</c> on the
/// command's connection from the moment the command starts until its reader is closed (rows are stepped while
/// they are read, so that is where most of the work is). SQLite clears a stale interrupt when the next statement
/// starts on an idle connection, and disposing the registration waits for a running callback, so a late interrupt
/// cannot reach the connection's next user. Synchronous commands carry no token. SQL Server cancels commands by
/// itself; nothing is done there.
/// </summary>
public sealed class SqliteInterruptInterceptor : DbCommandInterceptor
{
    public static readonly SqliteInterruptInterceptor Instance = new();

    private static readonly ConditionalWeakTable<DbCommand, Holder> Registrations = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Register(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Register(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    /// <summary>True when the exception is SQLite reporting a statement stopped by <c>sqlite3_interrupt</c>.</summary>
    public static bool IsInterrupt(Exception e) =>
        e is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT }
            || e.InnerException is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT };

    /// <summary>
    /// The same interrupt for a command EF Core created but does not execute (plain export pages read it with their
    /// own reader, so no interceptor sees it): in force until the returned registration is disposed, which the
    /// caller does after closing the reader. Nothing (a default registration) off SQLite.
    /// </summary>
    internal static CancellationTokenRegistration InterruptOnCancel(DbCommand command, CancellationToken token)
    {
        if (!token.CanBeCanceled || command.Connection is not SqliteConnection connection)
        {
            return default;
        }
        return token.Register(static state =>
        {
            if (((SqliteConnection)state!).Handle is { } handle)
            {
                SQLitePCL.raw.sqlite3_interrupt(handle);
            }
        }, connection);
    }

    private static void Register(DbCommand command, CancellationToken token)
    {
        if (InterruptOnCancel(command, token) is { Token.CanBeCanceled: true } registration)
        {
            Registrations.AddOrUpdate(command, new Holder(registration));
        }
    }

    private static void Release(DbCommand command)
    {
        if (Registrations.TryGetValue(command, out var holder))
        {
            Registrations.Remove(command);
            holder.Registration.Dispose();
        }
    }

    private sealed record Holder(CancellationTokenRegistration Registration);
}
