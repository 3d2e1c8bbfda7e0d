namespace Warehouse.Catalogue;

/// <summary>How rows of an entity are limited to the reader's region.</summary>
internal enum RowScope
{
    /// <summary>Published data: visible county-wide to every data role (rows of the reader's county).</summary>
    CountyWide,
    /// <summary>Personal data: a county official sees the county, a township official its villages, a village official its village.</summary>
    Region,
}
