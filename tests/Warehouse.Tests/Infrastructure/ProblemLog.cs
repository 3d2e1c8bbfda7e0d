using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// Records every server log entry at Error or above — where ASP.NET Core reports an unhandled exception (Kestrel's
/// "unhandled exception was thrown by the application", the exception page's "unhandled exception has occurred")
/// and where the API reports INTERNAL_ERROR — so a test can assert that an input produced none.
/// </summary>
public sealed class ProblemLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose() { }

    private sealed class Recorder(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                entries.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception?.GetType().FullName}: {exception?.Message}");
            }
        }
    }
}
