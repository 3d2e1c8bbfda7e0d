using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Warehouse.Tests.Infrastructure;

/// <summary>Records the SQL EF Core sends, so tests can assert projection and the absence of N+1 queries.</summary>
public sealed class SqlLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? new Recorder(_commands) : NullLogger;

    public void Dispose() { }

    private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private sealed class Recorder(ConcurrentQueue<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // 20101 = CommandExecuted: the SQL that actually ran.
            if (eventId.Id == 20101)
            {
                commands.Enqueue(formatter(state, exception));
            }
        }
    }
}
