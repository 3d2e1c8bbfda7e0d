namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// Trait values for <c>[Trait("Category", …)]</c>. Slow tests start browsers, servers or load generators, or move
/// 100,000 rows: `dotnet test --filter "Category!=Slow"` is the quick set for a developer's loop; the README's
/// test command and .ci/run still run everything.
/// </summary>
public static class TestCategories
{
    public const string Slow = "Slow";
}
