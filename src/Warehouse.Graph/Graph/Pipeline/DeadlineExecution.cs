using System.Diagnostics;
using GraphQL;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// Runs one execution under the role's time limit, counted from the request's arrival (reading, parsing and
/// validating included). The deadline holds in two ways. The token stops the work: GraphQL.NET checks it between
/// fields and the SQLite interceptor turns it into sqlite3_interrupt for a statement that is stepping. And the
/// answer does not wait for the work to notice: execution runs on the thread pool (resolvers may be synchronous,
/// CPU-bound code that never looks at the token), and when the limit plus a short grace has passed the caller gets
/// null (a 504) while the abandoned execution winds down on its own. A result that came in after the limit is null
/// too: its data is not sent either. Every execution that ran past its limit is logged when it really ended, under
/// the handler's category: the request line and the late line are one stream for whoever reads them (operators' filters, the tests' log reader).
/// </summary>
internal sealed class DeadlineExecution(IDocumentExecuter executer, ILogger<GraphRequestHandler> logger)
{
    /// <summary>
    /// Logged when an execution that ran past its limit stops, whether it noticed within the grace or was abandoned
    /// at the deadline and wound down later: how late the work really was (docs/hardening.md, the deadline margin).
    /// </summary>
    public static readonly EventId LateExecutionEnded = new(1001, nameof(LateExecutionEnded));

    /// <summary>How long past its limit a request may take to notice the cancellation before the 504 is sent anyway.</summary>
    private static readonly TimeSpan DeadlineGrace = TimeSpan.FromMilliseconds(250);

    /// <summary>The result, or null when the limit was reached. Throws when the client left (<paramref name="aborted"/>).</summary>
    public async Task<ExecutionResult?> RunAsync(ExecutionOptions options, TimeSpan allowed, Stopwatch clock, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(allowed - clock.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        options.CancellationToken = timeout.Token;
        var execution = Task.Run(() => executer.ExecuteAsync(options), CancellationToken.None);
        ExecutionResult? result = null;
        try
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var wait = allowed + DeadlineGrace - clock.Elapsed;
            var deadline = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, grace.Token);
            if (await Task.WhenAny(execution, deadline) == execution)
            {
                await grace.CancelAsync();
                // Past its limit but within the grace. The timer may fire a hair before the request's own clock reads
                // the limit (CancelAfter rounds to whole milliseconds), so a fired timeout counts as late too: every
                // execution that was cut off is logged, or a reader of the log would wait for a line that never comes.
                if ((timeout.IsCancellationRequested || clock.Elapsed > allowed) && !aborted.IsCancellationRequested)
                {
                    LogLateEnd(execution.Status, allowed, clock);
                }
                result = await execution;
            }
            else
            {
                Abandon(execution, allowed, clock, aborted);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            result = null;
        }
        catch (Exception e) when (Warehouse.Data.SqliteInterruptInterceptor.IsInterrupt(e) && timeout.IsCancellationRequested
            && !aborted.IsCancellationRequested)
        {
            result = null;
        }
        aborted.ThrowIfCancellationRequested();
        return result is null || timeout.IsCancellationRequested || clock.Elapsed > allowed ? null : result;
    }

    /// <summary>
    /// Observes an abandoned execution's outcome (a late fault is neither unobserved nor logged as unhandled) and
    /// records how long after the deadline the work really stopped. Whether the client had left is read now, at the
    /// deadline: once the 504 is sent the request is over and its abort token may fire.
    /// </summary>
    private void Abandon(Task<ExecutionResult> execution, TimeSpan allowed, Stopwatch clock, CancellationToken aborted)
    {
        var clientLeft = aborted.IsCancellationRequested;
        _ = execution.ContinueWith(t =>
        {
            _ = t.Exception;
            // A client that had left before the deadline was not kept waiting: nothing was late.
            if (!clientLeft)
            {
                LogLateEnd(t.Status, allowed, clock);
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void LogLateEnd(TaskStatus status, TimeSpan allowed, Stopwatch clock) =>
        logger.LogInformation(LateExecutionEnded, "Execution past its deadline stopped {LateMs:F0} ms after it ({Status})",
            Math.Max(0, (clock.Elapsed - allowed).TotalMilliseconds), status);
}
