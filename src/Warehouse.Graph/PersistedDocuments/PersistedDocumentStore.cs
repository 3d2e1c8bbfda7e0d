using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Querying;

using Warehouse.Security;

namespace Warehouse.PersistedDocuments;

/// <summary>
/// Registered documents, called by id. Registering is idempotent (the id is the hash of the text, so the same
/// text always gets the same id and a different text can never take over an id). Lookups are cached: a
/// document's text never changes once registered.
/// </summary>
public sealed class PersistedDocumentStore(IDbContextFactory<WarehouseDbContext> contexts, TimeProvider? clock = null)
{
    public const string NotFound = "PERSISTED_DOCUMENT_NOT_FOUND";
    public const string Required = "PERSISTED_DOCUMENT_REQUIRED";
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    public static string IdOf(string query) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public async Task<PersistedDocumentRow> RegisterAsync(string query, string? name, string by, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new QueryException(ErrorCodes.InvalidValue, "The document is empty.");
        }
        try
        {
            GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException e)
        {
            throw new QueryException(ErrorCodes.InvalidValue, "The document does not parse: " + e.Message);
        }
        var id = IdOf(query);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.PersistedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.DocumentId == id, ct);
        if (existing is not null)
        {
            return existing;
        }
        var row = new PersistedDocumentRow
        {
            DocumentId = id, Name = name, Query = query, CreatedAt = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
            CreatedBy = by
        };
        db.PersistedDocuments.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<string> LoadAsync(string documentId, CancellationToken ct)
    {
        if (_cache.TryGetValue(documentId, out var cached))
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = await db.PersistedDocuments.Where(d => d.DocumentId == documentId).Select(d => d.Query).FirstOrDefaultAsync(ct)
                    ?? throw new QueryException(NotFound, $"No registered document has id '{documentId}'.");
        _cache[documentId] = query;
        return query;
    }

    /// <summary>The registered text, or null: a miss is not an error for automatic persisted queries.</summary>
    public async Task<string?> TryLoadAsync(string documentId, CancellationToken ct)
    {
        try
        {
            return await LoadAsync(documentId, ct);
        }
        catch (QueryException e) when (e.Code == NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<PersistedDocumentRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PersistedDocuments.AsNoTracking().OrderBy(d => d.Name).ThenBy(d => d.DocumentId).ToListAsync(ct);
    }
}
