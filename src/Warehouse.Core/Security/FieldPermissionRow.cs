namespace Warehouse.Security;

/// <summary>One stored cell of the permission matrix (role × type × field).</summary>
public sealed class FieldPermissionRow
{
    public string Role { get; set; } = "";
    public string TypeName { get; set; } = "";
    public string FieldName { get; set; } = "";
    /// <summary>FULL, MASKED or HIDDEN.</summary>
    public string Access { get; set; } = "";
    public bool Revealable { get; set; }
    public bool AggregateOnly { get; set; }
    /// <summary>Bumped on every change; an edit must name the version it was made against.</summary>
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
