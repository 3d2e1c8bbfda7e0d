using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>One connection to read: where, order, paging, and the properties the caller needs.</summary>
public sealed class PageRequest
{
    public required EntityDef Entity { get; init; }
    public IDictionary<string, object?>? Where { get; init; }
    public IReadOnlyList<object?>? Order { get; init; }
    /// <summary>Report date of the filter's as-of conditions; null: today by the server's clock.</summary>
    public DateOnly? AsOf { get; init; }
    public int? First { get; init; }
    public string? After { get; init; }
    public int? Last { get; init; }
    public string? Before { get; init; }
    /// <summary>CLR property names to read (the key is always read).</summary>
    public required IReadOnlyCollection<string> Properties { get; init; }
    public bool IncludeTotalCount { get; init; }
    /// <summary>False when only totalCount is asked for: no rows are read.</summary>
    public bool IncludeRows { get; init; } = true;
    /// <summary>Check precisely whether rows exist before <see cref="After"/> (or after <see cref="Before"/>).</summary>
    public bool CheckOppositeSide { get; init; }
}
