namespace Warehouse.Querying;

/// <summary>
/// What one filter may hold. <see cref="FilterCompiler"/> refuses more as INVALID_FILTER; the cost walk of the
/// served surface (Warehouse.Graph's <c>FilterCost</c>) counts with the same numbers before anything is compiled.
/// </summary>
public static class FilterLimits
{
    /// <summary>Deepest nesting of and/or/not/relations accepted, so a hostile filter cannot exhaust the stack.</summary>
    public const int MaxDepth = 12;

    /// <summary>
    /// Most conditions (field operators, and/or items, list elements) in one filter. EF Core writes a chain of
    /// ANDs/ORs flat, SQLite nests it one level per term and refuses more than 1000 levels; beyond this the filter
    /// is refused as INVALID_FILTER instead of failing in the database.
    /// </summary>
    public const int MaxConditions = 200;

    /// <summary>Most values accepted in one in/nin list.</summary>
    public const int MaxInList = 1000;
}
