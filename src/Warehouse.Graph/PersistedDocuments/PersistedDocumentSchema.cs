using GraphQL;
using GraphQL.Types;
using Warehouse.Graph;
using Warehouse.Querying;

namespace Warehouse.PersistedDocuments;

/// <summary>Admins register and list persisted documents.</summary>
internal sealed class PersistedDocumentSchema : ISchemaContributor
{
    public void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin)
    {
        if (!isAdmin)
        {
            return;
        }
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersistedDocumentType>>>>("persistedDocuments")
            .Description("Admins: the registered documents.")
            .ResolveAsync(async c => await Store(c).ListAsync(c.CancellationToken));
        mutation ??= new ObjectGraphType { Name = "Mutation" };
        mutation.Field<NonNullGraphType<PersistedDocumentType>>("registerDocument")
            .Description("Admins: register a document; its id is sha256:<hex of the text>. Registering the same text again returns the same id.")
            .Argument<NonNullGraphType<StringGraphType>>("query").Argument<StringGraphType>("name")
            .ResolveAsync(async c =>
            {
                var access = ((GraphRequestContext)c.UserContext).Access;
                if (!access.IsAdmin)
                {
                    throw new QueryException(ErrorCodes.Forbidden, "Admins only.");
                }
                return await Store(c).RegisterAsync(c.GetArgument<string>("query"), c.GetArgument<string?>("name"), access.UserId, c.CancellationToken);
            });
    }

    private static PersistedDocumentStore Store(IResolveFieldContext c) =>
        (PersistedDocumentStore)c.RequestServices!.GetService(typeof(PersistedDocumentStore))!;
}
