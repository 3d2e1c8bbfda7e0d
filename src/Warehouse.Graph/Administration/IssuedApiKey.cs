using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>The answer to issueApiKey: the stored key and the secret, which is shown this once only.</summary>
internal sealed record IssuedApiKey(ApiKeyRow Key, string Secret);
