using GraphQL;
using GraphQL.Transport;
using Warehouse.PersistedDocuments;
using IPersistedDocumentLoader = GraphQL.PersistedDocuments.IPersistedDocumentLoader;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// Turns a request's documentId or Apollo persisted-query hash into document text, through GraphQL.NET's
/// <see cref="IPersistedDocumentLoader"/>. Not the library's PersistedDocumentHandler: that one refuses id and text
/// together (we accept both when the hash matches, as Apollo's protocol needs), applies allow-list mode to every
/// caller (ours exempts roles, and is decided after the caller is known), and has no automatic persisted queries.
/// Failures are <see cref="BadRequest"/>s with the codes the API has always answered.
/// </summary>
internal sealed class PersistedDocumentResolver(IPersistedDocumentLoader loader, PersistedDocumentOptions persisted, AutomaticPersistedQueries automatic)
{
    /// <summary>Sets <c>request.Query</c> to the document's text; returns the registered id, or null for raw (or only remembered) text.</summary>
    public async Task<string?> ResolveAsync(GraphQLRequest request, CancellationToken ct)
    {
        var apqId = request.DocumentId is null ? PersistedHash(request.Extensions) : null;
        var persistedId = request.DocumentId ?? apqId;
        if (persistedId is null)
        {
            return null;
        }
        if (!string.IsNullOrEmpty(request.Query) && PersistedDocumentStore.IdOf(request.Query) != persistedId)
        {
            throw new BadRequest("PERSISTED_DOCUMENT_MISMATCH", "The query text does not match the documentId; send one or the other.");
        }
        if (apqId is not null)
        {
            (request.Query, var registered) = await AutomaticQueryAsync(apqId, request.Query, ct);
            // Only a registered document counts as persisted for allow-list mode; remembered text is raw text.
            return registered ? apqId : null;
        }
        request.Query = await LoadAsync(persistedId, ct)
                        ?? throw new BadRequest(PersistedDocumentStore.NotFound, $"No registered document has id '{persistedId}'.");
        return persistedId;
    }

    private ValueTask<string?> LoadAsync(string id, CancellationToken ct)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? loader.GetQueryAsync(null, id, ct) : loader.GetQueryAsync(id[..colon], id[(colon + 1)..], ct);
    }

    /// <summary>
    /// Apollo's automatic persisted queries. A registered document answers its hash in every mode. Otherwise, with
    /// allow-list mode off: the remembered text, or PERSISTED_QUERY_NOT_FOUND (status 200, as Apollo Server answers,
    /// so every client's link resends) until the client sends hash and text, which register it. With allow-list mode
    /// on, nothing unregistered is remembered or run: PERSISTED_QUERY_NOT_SUPPORTED.
    /// </summary>
    private async Task<(string Query, bool Registered)> AutomaticQueryAsync(string id, string? query, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } registered)
        {
            return (registered, true);
        }
        if (persisted.AllowOnlyPersisted)
        {
            throw new BadRequest(AutomaticPersistedQueries.NotSupported,
                "This server runs registered documents only; automatic persisted queries are off. Ask an admin to register the document and send " +
                    "its documentId.");
        }
        if (!string.IsNullOrEmpty(query))
        {
            automatic.Remember(id, query); // the caller checked that the hash is the text's
            return (query, false);
        }
        if (automatic.TryGet(id, out var remembered))
        {
            return (remembered, false);
        }
        // Apollo Client matches the message as well as the code.
        throw new BadRequest(AutomaticPersistedQueries.NotFound, "PersistedQueryNotFound", StatusCodes.Status200OK);
    }

    /// <summary>Apollo-style extensions.persistedQuery.sha256Hash (automatic persisted queries, or a registered document's hash).</summary>
    private static string? PersistedHash(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var pq) == true && pq is IDictionary<string, object?> d && d.TryGetValue("sha256Hash", out var h)
            && h is string hash
            ? "sha256:" + hash.ToLowerInvariant()
            : null;
}
