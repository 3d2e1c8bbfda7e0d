namespace Warehouse.Security;

/// <summary>
/// The local token issuer for development and tests (configuration section <c>Warehouse:Auth:LocalIssuer</c>).
/// On by default only in the Development environment.
/// </summary>
public sealed class LocalIssuerOptions
{
    public const string Section = "Warehouse:Auth:LocalIssuer";

    /// <summary>Accept tokens signed by the local key. Null means: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }
    public string Issuer { get; set; } = "warehouse-local";
    public string Audience { get; set; } = "warehouse-api";
    /// <summary>Base64 HMAC-SHA256 key (≥ 32 bytes). When empty, a key is created in <see cref="KeyFile"/> and reused.</summary>
    public string? SigningKey { get; set; }
    public string KeyFile { get; set; } = "data/local-issuer.key";
}
