namespace Warehouse.Limits;

/// <summary>Per-role overrides of <see cref="LimitsOptions"/>.</summary>
public sealed class RoleLimits
{
    public int? MaxDepth { get; set; }
    public double? MaxComplexity { get; set; }
    public int? MaxIntrospectionDepth { get; set; }
    public double? MaxFilterCost { get; set; }
    public double? ScannedRows { get; set; }
    public int? MaxAliases { get; set; }
    public double? TimeoutSeconds { get; set; }
    public bool? Introspection { get; set; }
}
