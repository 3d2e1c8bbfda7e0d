using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Warehouse.Security;

/// <summary>Mints and describes how to validate local tokens (HS256). Never accepted unless enabled.</summary>
public sealed class LocalTokenIssuer(LocalIssuerOptions options, TimeProvider? clock = null)
{
    public const string RoleClaim = "roles";
    public const string RegionClaim = "region_code";

    public LocalIssuerOptions Options { get; } = options;

    public SymmetricSecurityKey Key { get; } = new(LoadKey(options)) { KeyId = "warehouse-local" };

    public string Issue(string userId, string role, string? regionCode, TimeSpan lifetime, DateTime? notBefore = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = userId, [RoleClaim] = role };
        if (regionCode is not null)
        {
            claims[RegionClaim] = regionCode;
        }
        var start = notBefore ?? now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Options.Issuer,
            Audience = Options.Audience,
            Claims = claims,
            IssuedAt = now < start ? now : start,
            NotBefore = start,
            Expires = start + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Options.Issuer,
        ValidAudience = Options.Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = "sub",
        RoleClaimType = RoleClaim,
    };

    private static byte[] LoadKey(LocalIssuerOptions options) =>
        !string.IsNullOrWhiteSpace(options.SigningKey)
            ? Convert.FromBase64String(options.SigningKey)
            : Warehouse.Http.SecretFile.ReadOrCreate(Path.GetFullPath(options.KeyFile));

    /// <summary>The user id a principal carries (Entra object id, else subject).</summary>
    public static string? UserId(ClaimsPrincipal user) =>
        user.FindFirst("oid")?.Value ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value
        ?? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}
