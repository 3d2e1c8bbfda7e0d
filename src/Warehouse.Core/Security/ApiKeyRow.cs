namespace Warehouse.Security;

/// <summary>An admin-issued API key. The secret itself is never stored, only its SHA-256.</summary>
public sealed class ApiKeyRow
{
    /// <summary>Public id ("key_" + 12 random bytes, base64url): names the key in lists, revocation and audit.</summary>
    public string KeyId { get; set; } = "";
    /// <summary>Lowercase hex SHA-256 of the UTF-8 secret.</summary>
    public string SecretHash { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? Note { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
