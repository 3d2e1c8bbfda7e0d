using Xunit;

namespace Warehouse.Tests.Infrastructure;

/// <summary>A fact that runs only when WAREHOUSE_POSTGRES is set (./test.sh); skipped with <see cref="PostgresServer.SkipReason"/> otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.Available)
        {
            Skip = PostgresServer.SkipReason;
        }
    }
}
