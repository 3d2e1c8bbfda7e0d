namespace Warehouse.Generation;

/// <summary>One 资金下达 of a project.</summary>
internal sealed class AllocationInfo
{
    public required int Seq { get; init; }
    public required string Id { get; init; }
    public required string DocNo { get; init; }
    public required string Level { get; init; }
    public required string SourceType { get; init; }
    public required long Amount { get; init; }
    public required DateOnly Date { get; init; }
}
