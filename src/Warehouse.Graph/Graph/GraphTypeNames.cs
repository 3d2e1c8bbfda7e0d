using Warehouse.Catalogue;

namespace Warehouse.Graph;

/// <summary>Names of the generated GraphQL types (HotChocolate.Data conventions).</summary>
internal static class GraphTypeNames
{
    public static string Connection(EntityDef e) => e.TypeName + "Connection";
    public static string Edge(EntityDef e) => e.TypeName + "Edge";
    public static string Filter(EntityDef e) => e.TypeName + "FilterInput";
    public static string ListFilter(EntityDef e) => e.TypeName + "ListFilterInput";
    public static string Sort(EntityDef e) => e.TypeName + "SortInput";
    public const string PageInfo = "PageInfo";
    public const string SortEnum = "SortEnumType";
    public const string RegionLevel = "RegionLevel";
}
