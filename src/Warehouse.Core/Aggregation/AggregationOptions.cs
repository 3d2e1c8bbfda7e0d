namespace Warehouse.Aggregation;

/// <summary>Settings under <c>Warehouse:Aggregation</c>.</summary>
public sealed class AggregationOptions
{
    /// <summary>
    /// k: in a protected aggregate a group whose perturbed count or perturbed number of distinct households is below
    /// this is withheld whole (keys and measures).
    /// </summary>
    public int MinCellSize { get; set; } = 5;

    /// <summary>Most groups a protected aggregate may form before its cells are perturbed and withheld (they are all read).</summary>
    public int MaxProtectedGroups { get; set; } = 100_000;

    /// <summary>
    /// Most rows a request with percentiles (median, p25, p75, p90) may read: a percentile needs every value of its
    /// group, not a running total, so these values are read in a second query and more than this is refused
    /// (INVALID_VALUE) rather than held in memory.
    /// </summary>
    public int MaxPercentileRows { get; set; } = 200_000;

    /// <summary>Groups returned when <c>first</c> is not given.</summary>
    public int DefaultGroups { get; set; } = 1000;

    /// <summary>Largest <c>first</c> accepted.</summary>
    public int MaxGroups { get; set; } = 10000;
}
