using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>A batched load of one relation for many parent rows (one query per relation per request level).</summary>
public sealed class RelatedRequest
{
    public required RelationDef Relation { get; init; }
    public required IReadOnlyCollection<string> ParentKeys { get; init; }
    public IDictionary<string, object?>? Where { get; init; }
    public IReadOnlyList<object?>? Order { get; init; }
    /// <summary>CLR property names of the target to read.</summary>
    public required IReadOnlyCollection<string> Properties { get; init; }
}
