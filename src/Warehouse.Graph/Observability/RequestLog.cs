namespace Warehouse.Observability;

/// <summary>
/// The one structured log line per GraphQL request. It carries ids, role, operation name, timing, row count and
/// error codes — never query text, variables or values, which may hold personal data.
/// </summary>
internal static partial class RequestLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "GraphQL {RequestId} user={UserId} role={Role} operation={Operation} doc={DocumentHash} status={Status} " +
            "duration={DurationMs:0.0}ms rows={Rows} errors={ErrorCodes}")]
    public static partial void Completed(ILogger logger, string requestId, string userId, string role, string? operation, string? documentHash,
        int status, double durationMs, long rows, string errorCodes);
}
