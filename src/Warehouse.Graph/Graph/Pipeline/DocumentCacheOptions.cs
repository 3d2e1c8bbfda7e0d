namespace Warehouse.Graph.Pipeline;

/// <summary>The document cache (configuration section <c>Warehouse:DocumentCache</c>).</summary>
internal sealed class DocumentCacheOptions
{
    public const string Section = "Warehouse:DocumentCache";

    /// <summary>Most document texts kept; the least recently used goes first.</summary>
    public int MaxDocuments { get; set; } = 2_000;
    /// <summary>
    /// Most characters of document text kept, all entries together. The parsed tree is a small multiple of its
    /// text, so this is what bounds the memory: a client cannot fill the cache with 64 KB documents.
    /// </summary>
    public long MaxCharacters { get; set; } = 4_000_000;
    /// <summary>Parse and validate every registered persisted document for each role when the server starts.</summary>
    public bool PrewarmPersisted { get; set; } = true;
}
