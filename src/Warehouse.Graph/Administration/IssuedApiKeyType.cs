using GraphQL.Types;

namespace Warehouse.Administration;

/// <summary>issueApiKey's result: the secret is returned here once and cannot be read again.</summary>
internal sealed class IssuedApiKeyType : ObjectGraphType<IssuedApiKey>
{
    public IssuedApiKeyType()
    {
        Name = "IssuedApiKey";
        Description = "A newly issued API key. Copy the secret now: only its SHA-256 is stored, it cannot be shown again.";
        Field<NonNullGraphType<ApiKeyType>>("key").Resolve(c => c.Source.Key);
        Field(x => x.Secret).Description("Send as 'X-Api-Key: <secret>' or 'Authorization: Bearer <secret>'.");
    }
}
