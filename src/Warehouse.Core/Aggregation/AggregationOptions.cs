namespace Warehouse.Aggregation;

/// <summary>Settings under <c>Warehouse:Aggregation</c>.</summary>
public sealed class AggregationOptions
{
    /// <summary>k: a group built on an aggregate-only field with fewer distinct households than this is suppressed.</summary>
    public int MinCellSize { get; set; } = 5;

    /// <summary>Groups returned when <c>first</c> is not given.</summary>
    public int DefaultGroups { get; set; } = 1000;

    /// <summary>Largest <c>first</c> accepted.</summary>
    public int MaxGroups { get; set; } = 10000;
}
