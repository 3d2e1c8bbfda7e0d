using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Graph;

/// <summary>The root fields of one entity: a connection (households) and a lookup by key (household).</summary>
internal static class RootFields
{
    public static FieldType Connection(EntityDef entity, bool sortable)
    {
        var arguments = new QueryArguments(
            new QueryArgument(new GraphQLTypeReference(GraphTypeNames.Filter(entity)))
            {
                Name = "where",
                Description = "Filter (HotChocolate.Data shape): field operators, and/or/not, relations."
            },
            new QueryArgument<IntGraphType> { Name = "first", Description = "Rows from the start, or after the cursor `after`." },
            new QueryArgument<StringGraphType> { Name = "after", Description = "Cursor of the row to continue after." },
            new QueryArgument<IntGraphType> { Name = "last", Description = "Rows from the end, or before the cursor `before`." },
            new QueryArgument<StringGraphType> { Name = "before", Description = "Cursor of the row to continue before." },
            GraphArguments.AsOfArgument());
        if (sortable)
        {
            arguments.Add(new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GraphTypeNames.Sort(entity)))))
            {
                Name = "order",
                Description = "Sort terms, one field each, in order of precedence."
            });
        }
        return new FieldType
        {
            Name = entity.ListField,
            Description = $"{entity.Label}: {entity.Description} Cursor-paged (keyset).",
            // Nullable on purpose: an error in this root field (bad filter, cursor) nulls only this field, and its
            // sibling root fields keep their data, as GraphQL's error propagation intends.
            ResolvedType = new GraphQLTypeReference(GraphTypeNames.Connection(entity)),
            Arguments = arguments,
            Resolver = new FuncFieldResolver<object>(async c => await Page(c, entity)),
        };
    }

    public static FieldType Lookup(EntityDef entity) => new()
    {
        Name = entity.LookupField,
        Description = $"One {entity.TypeName} by {entity.Key.Name}; null when it does not exist or is outside your region.",
        ResolvedType = new GraphQLTypeReference(entity.TypeName),
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = entity.Key.Name, Description = entity.Key.Description }),
        Resolver = new FuncFieldResolver<object?>(async c =>
        {
            var rc = (GraphRequestContext)c.UserContext;
            var engine = c.RequestServices!.GetRequiredService<QueryEngine>();
            var properties = PropertyPlanner.Properties(entity, SelectionCollector.Fields(c.FieldAst.SelectionSet, c.Document));
            var row = await engine.FindAsync(rc.Access, entity, GraphArguments.String(c, entity.Key.Name)!, properties, c.CancellationToken);
            rc.Trace.AddRows(entity.TypeName, row is null ? 0 : 1);
            return row;
        }),
    };

    private static async Task<object> Page(IResolveFieldContext c, EntityDef entity)
    {
        var rc = (GraphRequestContext)c.UserContext;
        var engine = c.RequestServices!.GetRequiredService<QueryEngine>();
        var set = c.FieldAst.SelectionSet;
        var top = SelectionCollector.Fields(set, c.Document).Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        var nodeFields = SelectionCollector.Under(c, set, "nodes").Concat(SelectionCollector.Under(c, set, "edges", "node"));
        var pageInfo = SelectionCollector.Under(c, set, "pageInfo").Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);
        var page = await engine.PageAsync(rc.Access, new PageRequest
        {
            Entity = entity,
            Where = GraphArguments.Where(c),
            Order = GraphArguments.Order(c),
            AsOf = GraphArguments.AsOf(c),
            First = GraphArguments.Int(c, "first"),
            After = GraphArguments.String(c, "after"),
            Last = GraphArguments.Int(c, "last"),
            Before = GraphArguments.String(c, "before"),
            Properties = PropertyPlanner.Properties(entity, nodeFields),
            IncludeTotalCount = top.Contains("totalCount"),
            IncludeRows = top.Contains("nodes") || top.Contains("edges") || top.Contains("pageInfo"),
            CheckOppositeSide = pageInfo.Contains("hasPreviousPage") || pageInfo.Contains("hasNextPage"),
        }, c.CancellationToken);
        rc.Trace.AddRows(entity.TypeName, page.Rows.Count);
        return new ConnectionResult(page);
    }
}
