using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>An issued API key as admins see it: never the secret nor its hash.</summary>
internal sealed class ApiKeyType : ObjectGraphType<ApiKeyRow>
{
    public ApiKeyType()
    {
        Name = "ApiKey";
        Description = "An admin-issued API key for unattended clients (BI gateways). It acts as its user: that user's active assignment decides " +
            "scope and masks.";
        Field("id", x => x.KeyId).Description("Key id, for revokeApiKey and the audit trail (not the secret).");
        Field(x => x.UserId).Description("The user the key acts as.");
        Field(x => x.Note, nullable: true).Description("What the key is for, as the issuing admin wrote it.");
        Field(x => x.ExpiresAt).Description("The key is refused from this time on (UTC).");
        Field(x => x.CreatedAt).Description("When it was issued (UTC).");
        Field(x => x.CreatedBy).Description("The admin who issued it.");
        Field(x => x.RevokedAt, nullable: true).Description("When it was revoked (UTC), or null.");
        Field(x => x.RevokedBy, nullable: true).Description("The admin who revoked it, or null.");
        Field(x => x.LastUsedAt, nullable: true).Description("Last accepted use (UTC, to the minute), or null if never used.");
    }
}
