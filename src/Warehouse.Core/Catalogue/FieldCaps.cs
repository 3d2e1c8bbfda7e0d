namespace Warehouse.Catalogue;

/// <summary>What dashboard developers may do with a field besides reading it.</summary>
[Flags]
internal enum FieldCaps
{
    None = 0,
    Filter = 1,
    Sort = 2,
    /// <summary>Usable as an aggregate grouping key.</summary>
    Group = 4,
    FilterSort = Filter | Sort,
    All = Filter | Sort | Group,
}
