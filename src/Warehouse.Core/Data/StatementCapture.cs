using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Data;

/// <summary>
/// Records the statements EF Core sends inside a <see cref="Begin"/> scope, so Explain can show what a request ran
/// and ask the database for each one's plan. The scope is an AsyncLocal: only the request that opened it is
/// recorded, whatever else the server runs meanwhile; outside a scope this does nothing but one null check.
/// </summary>
public sealed class StatementCapture : DbCommandInterceptor
{
    public static readonly StatementCapture Instance = new();

    private static readonly AsyncLocal<List<CapturedStatement>?> Current = new();

    /// <summary>Starts recording for the current async flow; dispose to stop. Returns the list being filled.</summary>
    public static Scope Begin()
    {
        var list = new List<CapturedStatement>();
        Current.Value = list;
        return new Scope(list);
    }

    /// <summary>An open recording; the statements in the order they were sent.</summary>
    public sealed class Scope(List<CapturedStatement> list) : IDisposable
    {
        public IReadOnlyList<CapturedStatement> Statements
        {
            get
            {
                lock (list)
                {
                    return [.. list];
                }
            }
        }

        public void Dispose() => Current.Value = null;
    }

    private static void Record(DbCommand command)
    {
        if (Current.Value is not { } list)
        {
            return;
        }
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => new CapturedParameter(p.ParameterName, p.Value, p.DbType)).ToList();
        // Resolvers of one request may run in parallel (batched relations), so the list is locked.
        lock (list)
        {
            list.Add(new CapturedStatement(command.CommandText, parameters));
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
