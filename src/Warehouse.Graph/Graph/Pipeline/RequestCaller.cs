using GraphQL.Types;
using Warehouse.PersistedDocuments;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// Who is asking and which schema they see: the caller's access (resolved once per request, permission version
/// included), allow-list mode (decided here because exemptions are per role), and the role's schema with its key,
/// which is also the document cache's key.
/// </summary>
internal sealed class RequestCaller(AccessResolver resolver, SchemaCache schemas, PersistedDocumentOptions persisted)
{
    public async Task<(AccessContext Access, SchemaKey Key, ISchema Schema)> ResolveAsync(HttpContext http, string? persistedId, CancellationToken ct)
    {
        var resolution = await resolver.ResolveAsync(http.User, ct);
        if (resolution.Access is not { } access)
        {
            throw new BadRequest(ErrorCodes.Forbidden, resolution.Reason!, StatusCodes.Status403Forbidden);
        }
        if (persisted.AllowOnlyPersisted && persistedId is null && !persisted.IsExempt(access.RoleName))
        {
            throw new BadRequest(PersistedDocumentStore.Required,
                "This server runs registered documents only: send documentId (sha256:<hex>) instead of query.");
        }
        var key = new SchemaKey(access.DataRole, access.IsAdmin, access.Permissions.Version);
        return (access, key, schemas.Get(key, access.Permissions));
    }
}
