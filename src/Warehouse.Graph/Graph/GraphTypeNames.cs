using Warehouse.Catalogue;

namespace Warehouse.Graph;

/// <summary>Names of the generated GraphQL types (HotChocolate.Data conventions).</summary>
internal static class GraphTypeNames
{
    public static string Connection(EntityDef e) => e.TypeName + "Connection";
    public static string Edge(EntityDef e) => e.TypeName + "Edge";
    public static string Filter(EntityDef e) => e.TypeName + FilterSuffix;
    public static string ListFilter(EntityDef e) => e.TypeName + "ListFilterInput";
    public static string Sort(EntityDef e) => e.TypeName + SortSuffix;

    private const string FilterSuffix = "FilterInput";
    private const string SortSuffix = "SortInput";

    /// <summary>The entity name behind an entity's filter or sort input (<c>MemberFilterInput</c> → Member); null for any other type.</summary>
    public static string? EntityOfInput(string graphType) =>
        graphType.EndsWith(FilterSuffix, StringComparison.Ordinal) ? graphType[..^FilterSuffix.Length]
        : graphType.EndsWith(SortSuffix, StringComparison.Ordinal) ? graphType[..^SortSuffix.Length]
        : null;

    /// <summary>True for an entity's sort input.</summary>
    public static bool IsSort(string graphType) => graphType.EndsWith(SortSuffix, StringComparison.Ordinal);
    public const string PageInfo = "PageInfo";
    public const string SortEnum = "SortEnumType";
    public const string RegionLevel = "RegionLevel";
}
