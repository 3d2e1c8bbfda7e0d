using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// Tests that measure time (refusal in milliseconds, the deadline's margin) run alone, so what they measure is the
/// server and not the other test classes competing for two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
