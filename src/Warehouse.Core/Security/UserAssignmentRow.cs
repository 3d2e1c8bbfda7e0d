namespace Warehouse.Security;

/// <summary>Which role and region a user holds. A revoked row stays as an explicit deny that beats token claims.</summary>
public sealed class UserAssignmentRow
{
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>active or revoked.</summary>
    public string Status { get; set; } = "";
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
