namespace Warehouse.Tests.Infrastructure;

/// <summary>A clock that always reads the same instant, for tests that set the server's date.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock On(DateOnly date) => new(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
