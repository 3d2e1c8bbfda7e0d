using Xunit;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// Tests that read process-wide GC figures run alone: with other classes allocating in parallel, a heap-growth
/// measurement says more about the neighbours than about the code under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurements";
}
