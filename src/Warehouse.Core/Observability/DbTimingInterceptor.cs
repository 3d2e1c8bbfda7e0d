using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Observability;

/// <summary>Records every database command's duration (EF Core measures it) into <see cref="WarehouseTelemetry.DatabaseDuration"/>.</summary>
internal sealed class DbTimingInterceptor : DbCommandInterceptor
{
    public static readonly DbTimingInterceptor Instance = new();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Record(CommandExecutedEventData e) => WarehouseTelemetry.DatabaseDuration.Record(e.Duration.TotalSeconds);
}
