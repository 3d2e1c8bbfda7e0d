using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Warehouse.Tests.Infrastructure;

/// <summary>Records the SQL EF Core sends, so tests can assert projection and the absence of N+1 queries.</summary>
public sealed class SqlLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>The request log lines (one per GraphQL request).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>
    /// EF Core's "Failed executing DbCommand (N ms)" lines (an interrupted SQLite statement is an error) and its
    /// "Canceled execution of DbCommand (N ms)" lines (Npgsql reports a cancelled PostgreSQL statement as
    /// cancelled): when a cancelled statement actually stopped.
    /// </summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    private readonly ConcurrentQueue<string> _abandoned = new();

    /// <summary>"Execution past its deadline stopped N ms after it": how late timed-out work really stopped.</summary>
    public IReadOnlyList<string> Abandoned => [.. _abandoned];

    public ILogger CreateLogger(string categoryName) => categoryName switch
    {
        "Microsoft.EntityFrameworkCore.Database.Command" => new Recorder(_commands, 20101, _failures, 20102, 20103),
        "Warehouse.Graph.GraphRequestHandler" => new Recorder(_requests, 1000, _abandoned, 1001),
        _ => NullLogger,
    };

    public void Dispose() { }

    private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private sealed class Recorder(ConcurrentQueue<string> lines, int eventId, ConcurrentQueue<string>? others = null, params int[] otherIds) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        private readonly int eventIdToKeep = eventId;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // 20101 = EF's CommandExecuted (the SQL that ran); 1000 = the request log line.
            if (eventId.Id == eventIdToKeep)
            {
                lines.Enqueue(formatter(state, exception));
            }
            else if (otherIds.Contains(eventId.Id) && others is not null)
            {
                // 20102 = EF's CommandError, 20103 its CommandCanceled; 1001 = an execution that ran past its deadline has stopped.
                others.Enqueue(formatter(state, exception));
            }
        }
    }
}
