using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Security;

namespace Warehouse.Querying;

/// <summary>
/// Reads the warehouse for a reader: connection pages, lookups by key and batched relation loads. Each call
/// uses its own pooled DbContext (GraphQL resolvers run concurrently), from <see cref="ReadContexts"/> (a read
/// replica when configured), and starts from <see cref="QuerySources"/>, so scope and field permissions hold on every path.
/// </summary>
public sealed class QueryEngine(ReadContexts contexts, CursorCodec cursors, PagingOptions paging)
{
    public PagingOptions Paging { get; } = paging;

    public async Task<PageResult> PageAsync(AccessContext access, PageRequest request, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(ct);
        return await request.Entity.Accept(new PageVisitor(new QuerySources(db, access), request, cursors, Paging, ct));
    }

    /// <summary>
    /// Reads one page of a list into <paramref name="page"/> as plain stored values (exports): the same scope, where,
    /// order and keyset continuation as <see cref="PageAsync"/>, without entity objects, cursors or the graph's page
    /// limit. Returns the number of rows read.
    /// </summary>
    public async Task<int> ReadPlainPageAsync(AccessContext access, PlainPageRequest request, PlainPage page, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(ct);
        return await request.Entity.Accept(new PlainPageVisitor(new QuerySources(db, access), request, page, ct));
    }

    public async Task<object?> FindAsync(AccessContext access, EntityDef entity, string key, IReadOnlyCollection<string> properties, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(ct);
        var rows = await entity.Accept(new RowsVisitor(new QuerySources(db, access), entity.Key.Property.Name, [key], null, null, properties, ct));
        return rows.FirstOrDefault();
    }

    /// <summary>Related rows per parent key, in the requested order.</summary>
    public async Task<IReadOnlyDictionary<string, List<object>>> RelatedAsync(AccessContext access, RelatedRequest request, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(ct);
        var sources = new QuerySources(db, access);
        var relation = request.Relation;
        var result = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        if (relation.Via is { } via)
        {
            // Step 1: the (scoped) links of these owners; step 2: their (scoped) targets, filtered and ordered.
            var links = await via.Link.Accept(new RowsVisitor(sources, via.OwnerSide, request.ParentKeys, null, null, [via.OwnerSide, via.TargetSide], ct));
            var ownersOf = links.GroupBy(l => (string)PropertyAccessors.Get(l, via.TargetSide)!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(l => (string)PropertyAccessors.Get(l, via.OwnerSide)!).ToList(), StringComparer.Ordinal);
            if (ownersOf.Count == 0)
            {
                return result;
            }
            var targets = await relation.Target.Accept(new RowsVisitor(sources, relation.ChildKey, ownersOf.Keys, request.Where, request.Order,
                [.. request.Properties, relation.ChildKey], ct));
            foreach (var row in targets)
            {
                foreach (var owner in ownersOf[(string)PropertyAccessors.Get(row, relation.ChildKey)!])
                {
                    Add(result, owner, row);
                }
            }
            return result;
        }
        var rows = await relation.Target.Accept(new RowsVisitor(sources, relation.ChildKey, request.ParentKeys, request.Where, request.Order,
            [.. request.Properties, relation.ChildKey], ct));
        foreach (var row in rows)
        {
            Add(result, (string)PropertyAccessors.Get(row, relation.ChildKey)!, row);
        }
        return result;
    }

    private static void Add(Dictionary<string, List<object>> map, string key, object row)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(row);
    }
}
