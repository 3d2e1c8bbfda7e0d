namespace Warehouse.Security;

/// <summary>An append-only audit record.</summary>
public sealed class AuditRecordRow
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string? Role { get; set; }
    /// <summary>PERMISSION_CHANGE, ASSIGNMENT_CHANGE, REVEAL, DATA_ACCESS, EXPORT.</summary>
    public string Kind { get; set; } = "";
    public string? TypeName { get; set; }
    public string? FieldName { get; set; }
    public string? RecordId { get; set; }
    public string? Reason { get; set; }
    public string? Operation { get; set; }
    public string? DocumentHash { get; set; }
    public int? RowCount { get; set; }
    /// <summary>JSON: before/after for changes, the type.field list for data access.</summary>
    public string? Detail { get; set; }
}
