namespace Warehouse.Aggregation;

/// <summary>A count and the sum of the record keys of the records it counts (its cell key): slot names.</summary>
internal sealed record CountParts(string Count, string KeySum);

/// <summary>A sum, and the largest and smallest contribution that scale its noise: slot names.</summary>
internal sealed record SumParts(string Sum, string Max, string Min);

/// <summary>Where the parts of a protected aggregate's measures are in each <see cref="AggregateRow"/>.</summary>
internal sealed class ProtectedParts
{
    /// <summary>Rows of the group and their cell key.</summary>
    public CountParts Rows { get; set; } = null!;

    /// <summary>Distinct households of the group (rows where the entity has no household).</summary>
    public string Households { get; set; } = "";

    /// <summary>countDistinct.* measures, and the non-null counts of avg.* measures.</summary>
    public Dictionary<string, string> Distinct { get; } = new(StringComparer.Ordinal);

    /// <summary>sum.* and avg.* measures.</summary>
    public Dictionary<string, SumParts> Sums { get; } = new(StringComparer.Ordinal);

    /// <summary>The definition of each named measure, as built for this request.</summary>
    public Dictionary<string, GroupAgg> Roots { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts and sums inside named measures, by node (reference identity: predicates are lambdas).</summary>
    public Dictionary<GroupAgg, object> Derived { get; } = new(ReferenceEqualityComparer.Instance);
}
