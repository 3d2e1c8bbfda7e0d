using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>Tests that read the SQL log run apart from each other, so they see only their own commands.</summary>
[CollectionDefinition(Name)]
public sealed class SqlLogCollection
{
    public const string Name = "sql-log";
}
