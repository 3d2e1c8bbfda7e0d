using Warehouse.Aggregation;
using Xunit;

namespace Warehouse.Tests.Aggregation;

/// <summary>The noise of protected aggregates: bounded, unbiased, never negative, the same for the same records, and unrelated between cells that
/// differ by one record.</summary>
public sealed class CellKeyPerturbationTests
{
    [Theory]
    // count, uniform draw, expected noise
    [InlineData(0, 0.0, 0)]
    [InlineData(0, 0.99, 0)]
    [InlineData(1, 0.0, -1)]
    [InlineData(1, 0.29, -1)]
    [InlineData(1, 0.3, 0)]
    [InlineData(1, 0.69, 0)]
    [InlineData(1, 0.7, 1)]
    [InlineData(2, 0.0, -2)]
    [InlineData(2, 0.1, -1)]
    [InlineData(2, 0.3, 0)]
    [InlineData(2, 0.7, 1)]
    [InlineData(2, 0.9, 2)]
    [InlineData(5000, 0.95, 2)]
    public void Count_noise_follows_the_table(long count, double u, int noise) =>
        Assert.Equal(noise, CellKeyPerturbation.CountNoise(count, u));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Count_noise_has_mean_zero_and_never_makes_a_count_negative(long count)
    {
        var draws = Enumerable.Range(0, 10_000).Select(i => (i + 0.5) / 10_000).ToList();
        var noises = draws.Select(u => CellKeyPerturbation.CountNoise(count, u)).ToList();
        Assert.Equal(0, noises.Average(), 9);
        Assert.All(noises, n => Assert.InRange(count + n, 0, count + CellKeyPerturbation.MaxCountNoise));
    }

    [Fact]
    public void The_same_records_always_get_the_same_noise()
    {
        for (var key = 0L; key < 1000; key++)
        {
            Assert.Equal(CellKeyPerturbation.PerturbCount(40, key * 7919, 0), CellKeyPerturbation.PerturbCount(40, key * 7919, 0));
        }
    }

    [Fact]
    public void Cells_that_differ_by_one_record_get_unrelated_noise()
    {
        // A differencing attacker removes one record (key k) from a cell: the two answers' difference must not be a
        // constant -1; over many cells it spreads over the range of two independent noises.
        var random = new Random(42);
        var differences = new Dictionary<long, int>();
        for (var i = 0; i < 20_000; i++)
        {
            long cellKey = 0;
            for (var r = 0; r < 30; r++)
            {
                cellKey += random.Next(1, int.MaxValue);
            }
            var removed = random.Next(1, int.MaxValue);
            var with = CellKeyPerturbation.PerturbCount(31, cellKey + removed, 0);
            var without = CellKeyPerturbation.PerturbCount(30, cellKey, 0);
            var d = with - without;
            differences[d] = differences.GetValueOrDefault(d) + 1;
        }
        Assert.True(differences.Count >= 7, $"differences seen: {string.Join(", ", differences.Keys.Order())}");
        // The true difference (+1) is not what an attacker sees most of the time.
        Assert.True(differences[1] < 20_000 * 0.35, $"+1 seen {differences[1]} times of 20000");
    }

    [Theory]
    [InlineData(1_000_000, 50_000)]
    [InlineData(0, 0)]
    [InlineData(-20_000, 20_000)]
    public void Sum_noise_is_bounded_by_half_the_largest_contribution(long sum, long largest)
    {
        for (var key = 1L; key < 2000; key++)
        {
            var noisy = CellKeyPerturbation.PerturbSum(sum, largest, key * 104_729, 3);
            Assert.InRange(noisy, sum - largest / 2 - 1, sum + largest / 2 + 1);
        }
    }

    [Fact]
    public void Streams_are_stable_across_processes()
    {
        // FNV-1a of "count": a fixed number, unlike string.GetHashCode, so noise survives restarts.
        Assert.Equal(CellKeyPerturbation.Stream("count"), CellKeyPerturbation.Stream("count"));
        Assert.NotEqual(CellKeyPerturbation.Stream("count"), CellKeyPerturbation.Stream("sum.amount"));
        Assert.Equal(0xaf63dc4c8601ec8cUL, CellKeyPerturbation.Stream("a"));
    }
}
