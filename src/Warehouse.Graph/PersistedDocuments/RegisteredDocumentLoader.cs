using GraphQL.PersistedDocuments;

namespace Warehouse.PersistedDocuments;

/// <summary>
/// The registered documents behind GraphQL.NET's own loader interface (<see cref="IPersistedDocumentLoader"/>), so
/// the request pipeline depends on the library's seam and not on our table. The id <c>sha256:&lt;hex&gt;</c> arrives
/// as prefix and payload, the way the library's handler splits it.
/// </summary>
internal sealed class RegisteredDocumentLoader(PersistedDocumentStore store) : IPersistedDocumentLoader
{
    public async ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        await store.TryLoadAsync(documentIdPrefix is null ? documentIdPayload : documentIdPrefix + ":" + documentIdPayload, cancellationToken);
}
