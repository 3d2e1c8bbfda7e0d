using GraphQLParser.AST;
using Warehouse.Catalogue;
using Warehouse.PersistedDocuments;
using Warehouse.Security;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// At start, parses every registered persisted document and validates each of its operations for each role's
/// schema under the current permissions, so the first request that calls one by id does not pay for it. In the
/// background: the server answers meanwhile, and a document that fails for a role is simply not cached for it.
/// </summary>
internal sealed class DocumentCacheWarmer(DocumentCacheOptions options, PersistedDocumentStore store, PermissionStore permissions,
    SchemaCache schemas, DocumentCache cache, ILogger<DocumentCacheWarmer> logger) : BackgroundService
{
    /// <summary>A syntactically valid region for the warm-up's callers; validation never reads it.</summary>
    private const string AnyRegion = "000000000000";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.PrewarmPersisted)
        {
            return;
        }
        try
        {
            var documents = await store.ListAsync(stoppingToken);
            if (documents.Count == 0)
            {
                return;
            }
            var snapshot = await permissions.CurrentAsync(stoppingToken);
            var callers = Roles.DataRoles.Select(r => new AccessContext("document-cache-warmer", r, AnyRegion, false, snapshot))
                .Append(new AccessContext("document-cache-warmer", null, null, true, snapshot));
            var validated = 0;
            foreach (var access in callers)
            {
                var key = new SchemaKey(access.DataRole, access.IsAdmin, snapshot.Version);
                var schema = schemas.Get(key, snapshot);
                foreach (var document in documents)
                {
                    var parsed = cache.Parse(document.Query);
                    foreach (var operation in parsed.Document?.Definitions.OfType<GraphQLOperationDefinition>() ?? [])
                    {
                        var prepared = await cache.PrepareAsync(parsed, schema, key, operation.Name?.StringValue, new GraphRequestContext(access), null,
                            stoppingToken);
                        validated += prepared.Errors is null ? 1 : 0;
                    }
                }
            }
            logger.LogInformation("Document cache warmed: {Documents} persisted documents, {Validated} role/operation validations passed", documents.Count,
                validated);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A cold cache is slower, not wrong: the server starts anyway.
            logger.LogWarning(e, "Document cache warm-up failed; documents are validated on first use");
        }
    }
}
