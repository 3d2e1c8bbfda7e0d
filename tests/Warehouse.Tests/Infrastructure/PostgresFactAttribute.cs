using Xunit;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// A fact that needs the run's PostgreSQL server (<see cref="PostgresServer"/>) and, with
/// <c>needsBinaries</c>, its programs too (<see cref="StreamingReplica"/>); reported as skipped, with the reason,
/// where they are missing (plain <c>dotnet test</c> without ./test.sh).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(bool needsBinaries = false)
    {
        if (!PostgresServer.Available)
        {
            Skip = PostgresServer.SkipReason;
        }
        else if (needsBinaries && StreamingReplica.BinDirectory is null)
        {
            Skip = StreamingReplica.SkipReason;
        }
    }
}
