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
    /// <summary>Report date of the filter's as-of conditions; null: today by the server's clock.</summary>
    public DateOnly? AsOf { get; init; }
    /// <summary>Key ids (see <see cref="GroupKeyDef.Id"/>), in order.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];
    /// <summary>Measure ids to compute (see <see cref="MeasureDef.Id"/>); having and order add theirs.</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];
    public IReadOnlyList<HavingCondition> Having { get; init; } = [];
    public IReadOnlyList<AggregateOrder> Order { get; init; } = [];
    public int? First { get; init; }
}

/// <summary>One group: key values and measure values, as shown.</summary>
public sealed class AggregateGroup
{
    public required IReadOnlyDictionary<string, object?> Keys { get; init; }
    public required IReadOnlyDictionary<string, object?> Measures { get; init; }
}

/// <summary>The groups, in order, and the definitions used.</summary>
public sealed class AggregateResult
{
    public required IReadOnlyList<GroupKeyDef> Keys { get; init; }
    public required IReadOnlyList<MeasureDef> Measures { get; init; }
    public required IReadOnlyList<AggregateGroup> Groups { get; init; }
    /// <summary>
    /// Whether the request was protected: its values are perturbed (cell-key method) and groups under k withheld,
    /// because its rows include records the reader may not read one by one or it used an aggregate-only field.
    /// </summary>
    public bool Protected { get; init; }
    /// <summary>Groups withheld whole because their perturbed size was below k (protected requests only).</summary>
    public int WithheldGroups { get; init; }
}
