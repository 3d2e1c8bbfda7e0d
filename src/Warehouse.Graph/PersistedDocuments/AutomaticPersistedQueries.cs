using System.Collections.Concurrent;

namespace Warehouse.PersistedDocuments;

/// <summary>
/// Apollo's automatic persisted queries: a client sends only <c>extensions.persistedQuery.sha256Hash</c>; on a miss
/// it gets <see cref="NotFound"/>, then sends hash and text, which are checked against each other and remembered.
/// A cache in memory, never the registry of <see cref="PersistedDocumentStore"/>: whatever a client sends this way
/// was not reviewed, so it must never become a registered document that allow-list mode would run. Bounded: when
/// full, queries still run, they are just not remembered.
/// </summary>
internal sealed class AutomaticPersistedQueries
{
    /// <summary>The code (and message) Apollo Client, urql and graphql-request's APQ links look for to resend with the text.</summary>
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    /// <summary>Apollo's code for a server that takes no automatic persisted queries: the link stops sending hashes.</summary>
    public const string NotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, string> _queries = new(StringComparer.Ordinal);

    public bool TryGet(string id, out string query) => _queries.TryGetValue(id, out query!);

    /// <summary>Remembers a query whose hash was checked by the caller.</summary>
    public void Remember(string id, string query)
    {
        if (_queries.Count < Capacity)
        {
            _queries.TryAdd(id, query);
        }
    }
}
