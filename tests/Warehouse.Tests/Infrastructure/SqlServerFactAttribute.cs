using Xunit;

namespace Warehouse.Tests.Infrastructure;

/// <summary>A fact that runs only when WAREHOUSE_SQLSERVER holds a connection string, and reports itself skipped with that reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "WAREHOUSE_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: no SQL Server to run against (set it to a connection string of an empty database to run these tests).";
        }
    }
}
