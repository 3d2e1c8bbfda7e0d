using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// The object, connection and edge types of one entity for one role: readable fields only, masked ones as
/// masked text (with a reveal argument where revealable), relations as batched lists or references.
/// </summary>
internal sealed class EntityTypes(Func<FieldDef, Grant> grantFor, Func<EntityDef, bool> visible, Func<EntityDef, Grant> minorGrant)
{
    public IEnumerable<IGraphType> For(EntityDef entity)
    {
        var type = new ObjectGraphType { Name = entity.TypeName, Description = $"{entity.Label}: {entity.Description}" };
        var keyGetter = PropertyAccessors.Getter(entity.Key.Property);
        foreach (var field in entity.Fields)
        {
            var grant = grantFor(field);
            if (grant.Access == Access.Hidden)
            {
                continue;
            }
            var shadowed = field.Entity.Minors is not null && MinorRule.Covers(field) && minorGrant(entity).Access == Access.Masked;
            type.AddField(Scalar(field, grant, keyGetter, shadowed));
        }
        foreach (var relation in entity.Relations.Where(r => visible(r.Target)))
        {
            type.AddField(relation.IsList ? RelationResolver.ListField(relation, InputTypes.HasSort(relation.Target,
                grantFor)) : RelationResolver.ReferenceField(relation));
        }
        yield return type;
        yield return Connection(entity);
        yield return Edge(entity);
    }

    public static ObjectGraphType PageInfo()
    {
        var type = new ObjectGraphType { Name = GraphTypeNames.PageInfo, Description = "Where a page lies in the whole result." };
        type.AddField(new FieldType
        {
            Name = "hasNextPage", ResolvedType = new NonNullGraphType(new BooleanGraphType()),
            Resolver = new FuncFieldResolver<PageInfoResult, bool>(c => c.Source.HasNextPage)
        });
        type.AddField(new FieldType
        {
            Name = "hasPreviousPage", ResolvedType = new NonNullGraphType(new BooleanGraphType()),
            Resolver = new FuncFieldResolver<PageInfoResult, bool>(c => c.Source.HasPreviousPage)
        });
        type.AddField(new FieldType
        {
            Name = "startCursor", ResolvedType = new StringGraphType(), Resolver = new FuncFieldResolver<PageInfoResult,
            string?>(c => c.Source.StartCursor)
        });
        type.AddField(new FieldType
        {
            Name = "endCursor", ResolvedType = new StringGraphType(), Resolver = new FuncFieldResolver<PageInfoResult,
            string?>(c => c.Source.EndCursor)
        });
        return type;
    }

    private static FieldType Scalar(FieldDef field, Grant grant, Func<object, object?> keyGetter, bool shadowed)
    {
        var description = FieldDescriptions.For(field, grant)
            + (shadowed ? $" In records of minors (under {field.Entity.Minors!.AgeYears}) it is masked or null for your role (PIPL Art. 28)." : "");
        if (grant.Access == Access.Masked)
        {
            var arguments = grant.Revealable
                ? new QueryArguments(new QueryArgument<StringGraphType>
                {
                    Name = "reveal",
                    Description = "Why you need the full value. The reveal is recorded in the audit trail (who, when, record, field, reason) " +
                    "before the value is returned."
                })
                : null;
            return new FieldType
            {
                Name = field.Name, Description = description, ResolvedType = new StringGraphType(), Arguments = arguments,
                Resolver = new FuncFieldResolver<object?>(c => ReadMasked(c, field, keyGetter)),
            };
        }
        return new FieldType
        {
            Name = field.Name, Description = description, ResolvedType = OutputType(field, shadowed),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var rc = (GraphRequestContext)c.UserContext;
                rc.Audit.Returned(field, (string)keyGetter(c.Source!)!);
                var value = ValueShaper.Read(rc.Access, field, c.Source!);
                return field.Kind == FieldKind.StringList
                    ? (value as string)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []
                    : value;
            }),
        };
    }

    private static object? ReadMasked(IResolveFieldContext c, FieldDef field, Func<object, object?> keyGetter)
    {
        var rc = (GraphRequestContext)c.UserContext;
        var key = (string)keyGetter(c.Source!)!;
        if (c.Arguments?.TryGetValue("reveal", out var arg) == true && arg.Source != GraphQL.Execution.ArgumentSource.FieldDefault)
        {
            // Normalised first (invisible characters out, 4+ visible, not one repeated): the stored reason is this one.
            var reason = RevealReason.Normalise(arg.Value as string, field);
            var value = ValueShaper.Reveal(rc.Access, field, c.Source!);
            // Counts against the per-request cap before the value is returned.
            rc.Audit.Reveal(field, key, reason);
            rc.Audit.Returned(field, key);
            return value;
        }
        var masked = ValueShaper.Read(rc.Access, field, c.Source!);
        rc.Audit.Returned(field, key);
        return masked;
    }

    private static IGraphType OutputType(FieldDef field, bool shadowed)
    {
        IGraphType scalar = field.Kind switch
        {
            FieldKind.Int => new IntGraphType(),
            FieldKind.Money => new MoneyGraphType(),
            FieldKind.Date => new DateOnlyGraphType(),
            // GraphQL.NET's DateTime scalar, which the admin schema already uses: one scalar of that name per schema.
            FieldKind.Timestamp => new DateTimeGraphType(),
            FieldKind.Boolean => new BooleanGraphType(),
            FieldKind.StringList => new ListGraphType(new NonNullGraphType(new StringGraphType())),
            FieldKind.RegionLevel => new GraphQLTypeReference(GraphTypeNames.RegionLevel),
            _ => new StringGraphType(),
        };
        // The key is never null (a row without it cannot exist), and typed clients should not need `!` on it.
        var isKey = ReferenceEquals(field, field.Entity.Key);
        return (field.IsNullable && !isKey || shadowed) && field.Kind != FieldKind.StringList ? scalar : new NonNullGraphType(scalar);
    }

    private static ObjectGraphType Connection(EntityDef entity)
    {
        var type = new ObjectGraphType { Name = GraphTypeNames.Connection(entity), Description = $"A page of {entity.TypeName} rows in your region." };
        var node = new NonNullGraphType(new GraphQLTypeReference(entity.TypeName));
        type.AddField(new FieldType
        {
            Name = "nodes", Description = "The rows of this page.", ResolvedType = new NonNullGraphType(new ListGraphType(node)),
            Resolver = new FuncFieldResolver<ConnectionResult, object>(c => c.Source.Page.Rows)
        });
        type.AddField(new FieldType
        {
            Name = "edges", Description = "The rows of this page with their cursors.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GraphTypeNames.Edge(entity))))),
            Resolver = new FuncFieldResolver<ConnectionResult, object>(c => c.Source.Edges)
        });
        type.AddField(new FieldType
        {
            Name = "pageInfo", Description = "Cursors and whether more pages exist.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(GraphTypeNames.PageInfo)), Resolver = new FuncFieldResolver<ConnectionResult,
            object>(c => c.Source.PageInfo)
        });
        type.AddField(new FieldType
        {
            Name = "totalCount", Description = "Rows matching where in your region, over all pages.",
            ResolvedType = new NonNullGraphType(new IntGraphType()), Resolver = new FuncFieldResolver<ConnectionResult,
            int>(c => c.Source.Page.TotalCount ?? 0)
        });
        return type;
    }

    private static ObjectGraphType Edge(EntityDef entity)
    {
        var type = new ObjectGraphType { Name = GraphTypeNames.Edge(entity), Description = $"A {entity.TypeName} row and its cursor." };
        type.AddField(new FieldType
        {
            Name = "cursor", ResolvedType = new NonNullGraphType(new StringGraphType()), Resolver = new FuncFieldResolver<EdgeResult,
            string>(c => c.Source.Cursor)
        });
        type.AddField(new FieldType
        {
            Name = "node", ResolvedType = new NonNullGraphType(new GraphQLTypeReference(entity.TypeName)),
            Resolver = new FuncFieldResolver<EdgeResult, object>(c => c.Source.Node)
        });
        return type;
    }
}
