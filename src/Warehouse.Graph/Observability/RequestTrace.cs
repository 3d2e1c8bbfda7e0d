using System.Diagnostics;
using GraphQL;

namespace Warehouse.Observability;

/// <summary>What one GraphQL request did, gathered while it runs and reported once when its response is written.</summary>
internal sealed class RequestTrace
{
    private long _rows;
    private readonly long _started = Stopwatch.GetTimestamp();

    public string UserId { get; set; } = "-";
    public string Role { get; set; } = "-";
    public string? Operation { get; set; }
    public string? DocumentHash { get; set; }
    public long Rows => Interlocked.Read(ref _rows);

    public void AddRows(string type, int count)
    {
        if (count > 0)
        {
            Interlocked.Add(ref _rows, count);
            WarehouseTelemetry.RowsReturned.Add(count, new KeyValuePair<string, object?>("type", type));
        }
    }

    /// <summary>Records the metrics and the log line.</summary>
    public void Complete(HttpContext http, ExecutionResult result, int status, ILogger logger, bool log)
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var codes = result.Errors?.Select(e => e.Code ?? "UNCODED").Distinct().ToList() ?? [];
        foreach (var code in codes)
        {
            WarehouseTelemetry.Errors.Add(1, new KeyValuePair<string, object?>("code", code));
        }
        WarehouseTelemetry.RequestDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("role", Role),
            new KeyValuePair<string, object?>("outcome", codes.Count == 0 ? "OK" : codes[0]));
        if (log)
        {
            RequestLog.Completed(logger, http.TraceIdentifier, UserId, Role, Operation, DocumentHash, status, elapsed.TotalMilliseconds, Rows,
                codes.Count == 0 ? "-" : string.Join(',', codes));
        }
    }
}
