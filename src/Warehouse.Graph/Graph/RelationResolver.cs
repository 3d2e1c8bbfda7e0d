using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Graph;

/// <summary>Relation fields: a list with where/order, or a single reference; both loaded in batches per query node.</summary>
internal static class RelationResolver
{
    public static FieldType ListField(RelationDef relation, bool sortable)
    {
        var arguments = new QueryArguments(new QueryArgument(new GraphQLTypeReference(GraphTypeNames.Filter(relation.Target)))
        {
            Name = "where",
            Description = "Filter the related rows."
        });
        if (sortable)
        {
            arguments.Add(new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(
                GraphTypeNames.Sort(relation.Target)))))
            { Name = "order", Description = "Order of the related rows." });
        }
        return new FieldType
        {
            Name = relation.Name,
            Description = $"{relation.Label}: {relation.Description}",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(relation.Target.TypeName)))),
            Arguments = arguments,
            Resolver = new FuncFieldResolver<object>(c => Load(c, relation) ?? (object)Array.Empty<object>()),
        };
    }

    public static FieldType ReferenceField(RelationDef relation) => new()
    {
        Name = relation.Name,
        Description = $"{relation.Label}: {relation.Description} Null when absent or outside your region.",
        ResolvedType = new GraphQLTypeReference(relation.Target.TypeName),
        Resolver = new FuncFieldResolver<object?>(c => Load(c, relation) is { } result ? new FirstResult(result) : null),
    };

    private static IDataLoaderResult<List<object>>? Load(IResolveFieldContext context, RelationDef relation)
    {
        if (PropertyAccessors.Getter(relation.ParentKeyProperty)(context.Source!) is not string key)
        {
            return null;
        }
        var rc = (GraphRequestContext)context.UserContext;
        while (true)
        {
            var batch = rc.Batches.GetOrAdd(context.FieldAst, _ => NewBatch(context, relation, rc));
            if (batch.TryLoad(key) is { } result)
            {
                return result;
            }
            // That batch was already sent: open the next one for this field node.
            rc.Batches.TryUpdate(context.FieldAst, NewBatch(context, relation, rc), batch);
        }
    }

    private static RelationBatch NewBatch(IResolveFieldContext context, RelationDef relation, GraphRequestContext rc)
    {
        var engine = context.RequestServices!.GetRequiredService<QueryEngine>();
        var properties = PropertyPlanner.Properties(relation.Target, SelectionCollector.Fields(context.FieldAst.SelectionSet, context.Document));
        var where = GraphArguments.Where(context);
        var order = GraphArguments.Order(context);
        return new RelationBatch(async (keys, ct) =>
        {
            var rows = await engine.RelatedAsync(rc.Access, new RelatedRequest
            {
                Relation = relation, ParentKeys = keys, Where = where, Order = order, Properties = properties,
            }, ct);
            rc.Trace.AddRows(relation.Target.TypeName, rows.Values.Sum(r => r.Count));
            return rows;
        });
    }

    private sealed class FirstResult(IDataLoaderResult<List<object>> inner) : IDataLoaderResult<object?>
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await inner.GetResultAsync(cancellationToken)).FirstOrDefault();

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
