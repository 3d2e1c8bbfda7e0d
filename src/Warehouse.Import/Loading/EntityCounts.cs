namespace Warehouse.Import.Loading;

/// <summary>What happened to one entity's rows.</summary>
public sealed class EntityCounts
{
    public int Read { get; set; }
    public int Rejected { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Valid => Read - Rejected;
}
