namespace Warehouse.Security;

/// <summary>A registered GraphQL document.</summary>
public sealed class PersistedDocumentRow
{
    /// <summary>"sha256:" + lowercase hex SHA-256 of the UTF-8 text.</summary>
    public string DocumentId { get; set; } = "";
    public string? Name { get; set; }
    public string Query { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
