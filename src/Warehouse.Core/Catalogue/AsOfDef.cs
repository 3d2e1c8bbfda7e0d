namespace Warehouse.Catalogue;

/// <summary>
/// A filter-only condition relative to the request's as-of date (the root field's <c>asOf</c> argument, default today
/// by the server's clock), declared on an entity over its stored date fields. It compiles to plain comparisons of
/// those columns with dates computed from the as-of date, so it needs no SQL date functions, works alike in both
/// dialects and uses the columns' indexes. It reads exactly what its source fields read: a role must have those
/// fields in full to use it, it is refused in protected aggregates like any non-region field, and over records of
/// minors it follows the source fields' shadowing (docs/security.md).
/// </summary>
public sealed class AsOfDef
{
    internal AsOfDef(EntityDef entity, string name, string label, string description, AsOfKind kind, FieldDef start, FieldDef? end, bool monthlyEnd)
    {
        Entity = entity;
        Name = name;
        Label = label;
        Description = description;
        Kind = kind;
        Start = start;
        End = end;
        MonthlyEnd = monthlyEnd;
    }

    public EntityDef Entity { get; }

    /// <summary>GraphQL name of the filter field.</summary>
    public string Name { get; }

    /// <summary>Chinese label.</summary>
    public string Label { get; }

    /// <summary>Definition in Chinese and English (the filter field's description).</summary>
    public string Description { get; }

    internal AsOfKind Kind { get; }

    /// <summary>The date the condition reads (birth date, report date, start date, year).</summary>
    public FieldDef Start { get; }

    /// <summary>The end date of an <see cref="AsOfKind.InForce"/> condition (null for the other kinds).</summary>
    public FieldDef? End { get; }

    /// <summary>The end is a month, stored as its first day (jobs' endMonth).</summary>
    public bool MonthlyEnd { get; }

    /// <summary>The stored fields the condition reads.</summary>
    public IEnumerable<FieldDef> Sources => End is null ? [Start] : [Start, End];

    /// <summary>True for the kinds that take Int operators (the others take true/false).</summary>
    public bool IsCount => Kind is AsOfKind.AgeYears or AsOfKind.DaysSince or AsOfKind.DaysUntil;

    public string QualifiedName => $"{Entity.TypeName}.{Name}";
}
