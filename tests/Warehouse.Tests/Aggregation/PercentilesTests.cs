using Warehouse.Aggregation;
using Xunit;

namespace Warehouse.Tests.Aggregation;

/// <summary>The interpolation of <see cref="Percentiles"/>, case by case against PERCENTILE_CONT worked by hand.</summary>
public sealed class PercentilesTests
{
    public static TheoryData<string, long?[], double, double?> Cases => new()
    {
        { "no values", [], 0.5, null },
        { "only nulls", [null, null], 0.5, null },
        { "n = 1: every percentile is the value", [7], 0.5, 7 },
        { "n = 1, p90", [7], 0.9, 7 },
        { "n = 2 median: halfway", [10, 20], 0.5, 15 },
        { "n = 2 p90: h = 0.9", [10, 20], 0.9, 19 },
        { "n = 2 p25: h = 0.25", [10, 20], 0.25, 12.5 },
        { "odd n median: the middle value", [5, 1, 3], 0.5, 3 },
        { "even n median: mean of the middle two", [4, 1, 3, 2], 0.5, 2.5 },
        { "even n p75: h = 2.25", [1, 2, 3, 4], 0.75, 3.25 },
        { "p90 of 1..10: h = 8.1", [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9, 9.1 },
        { "p25 of 1..5: h = 1, exact rank", [1, 2, 3, 4, 5], 0.25, 2 },
        { "nulls ignored", [null, 4, null, 2], 0.5, 3 },
        { "ties", [5, 5, 5, 9], 0.5, 5 },
        { "negatives", [-10, 0, 10], 0.25, -5 },
        { "docs/aggregates.md median", [40, 3, 12, 10], 0.5, 11 },
        { "docs/aggregates.md p90: h = 2.7", [40, 3, 12, 10], 0.9, 31.6 },
        { "p = 0 is the minimum", [3, 1, 2], 0, 1 },
        { "p = 1 is the maximum", [3, 1, 2], 1, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Interpolates_as_percentile_cont(string name, long?[] values, double p, double? expected)
    {
        Assert.NotEmpty(name);
        var actual = Percentiles.Cont(values, p);
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Equal(expected.Value, actual!.Value, 9);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_0_to_1_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Cont([1L, 2L], p));

    [Theory]
    [InlineData(MeasureOp.Median, 0.5)]
    [InlineData(MeasureOp.P25, 0.25)]
    [InlineData(MeasureOp.P75, 0.75)]
    [InlineData(MeasureOp.P90, 0.9)]
    public void Each_operator_has_its_fraction(MeasureOp op, double p) => Assert.Equal(p, Percentiles.Fraction(op));

    [Fact]
    public void Other_operators_are_not_percentiles() => Assert.Null(Percentiles.Fraction(MeasureOp.Avg));
}
