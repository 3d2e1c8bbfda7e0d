namespace Warehouse.Aggregation;

/// <summary>A comparison on a measure (having), with the threshold as shown: counts, 元, or fractions 0..1.</summary>
public sealed record HavingCondition(string Measure, string Operator, double Value);

/// <summary>One order term: a key id or a measure id, ascending or descending.</summary>
public sealed record AggregateOrder(string? Key, string? Measure, bool Descending);

/// <summary>One grouped aggregate over an entity, as the graph and the CSV export ask for it.</summary>
public sealed class AggregateRequest
{
    public required Warehouse.Catalogue.EntityDef Entity { get; init; }
    /// <summary>The same filter shape as the entity's list field.</summary>
    public IDictionary<string, object?>? Where { get; init; }
    /// <summary>Key ids (see <see cref="GroupKeyDef.Id"/>), in order.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];
    /// <summary>Measure ids to compute (see <see cref="MeasureDef.Id"/>); having and order add theirs.</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];
    public IReadOnlyList<HavingCondition> Having { get; init; } = [];
    public IReadOnlyList<AggregateOrder> Order { get; init; } = [];
    public int? First { get; init; }
}

/// <summary>One group: key values (as shown), measure values (as shown), and whether they were suppressed.</summary>
public sealed class AggregateGroup
{
    public required IReadOnlyDictionary<string, object?> Keys { get; init; }
    public required IReadOnlyDictionary<string, object?> Measures { get; init; }
    /// <summary>True when the group has fewer than k distinct households and uses an aggregate-only field: every measure is null.</summary>
    public bool Suppressed { get; init; }
}

/// <summary>The groups, in order, and the definitions used.</summary>
public sealed class AggregateResult
{
    public required IReadOnlyList<GroupKeyDef> Keys { get; init; }
    public required IReadOnlyList<MeasureDef> Measures { get; init; }
    public required IReadOnlyList<AggregateGroup> Groups { get; init; }
    /// <summary>Whether small-cell suppression applied to this request (an aggregate-only field was used).</summary>
    public bool SuppressionApplies { get; init; }
}
