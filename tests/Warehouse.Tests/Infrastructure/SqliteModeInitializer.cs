using System.Runtime.CompilerServices;
using Warehouse.Data;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// The server and the CLI put SQLite in multi-thread mode before their first connection
/// (<see cref="SqliteThreading"/>); the suite does the same when the test assembly loads, before any test opens a
/// connection, so every SQLite test runs the library the way production does.
/// </summary>
internal static class SqliteModeInitializer
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255",
        Justification = "A test assembly: the process-wide SQLite mode must be set before any test opens a connection.")]
    internal static void Initialize() => SqliteThreading.Configure();
}
