using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.Api.Administration;

/// <summary>One cell of the permission matrix.</summary>
public sealed class FieldAccessType : ObjectGraphType<FieldPermissionRow>
{
    public FieldAccessType()
    {
        Name = "FieldAccess";
        Description = "What a role may read of one field: FULL, MASKED or HIDDEN, plus revealable and aggregate-only. Edit with setFieldAccess, naming the version you saw.";
        Field(x => x.Role).Description("county, township or village.");
        Field("type", x => x.TypeName).Description("GraphQL type, e.g. Member.");
        Field("field", x => x.FieldName).Description("GraphQL field, e.g. idNumber.");
        Field<NonNullGraphType<StringGraphType>>("label").Description("Chinese label of the field.")
            .Resolve(c => Catalogue.WarehouseCatalogue.Default.Find(c.Source.TypeName)?.Field(c.Source.FieldName)?.Label ?? "");
        Field(x => x.Access).Description("FULL, MASKED or HIDDEN.");
        Field(x => x.Revealable).Description("The full value may be asked for with a reason (audited).");
        Field(x => x.AggregateOnly).Description("Usable in grouping and aggregates only, never per row.");
        Field(x => x.Version).Description("Version of this cell; send it back as expectedVersion when editing.");
        Field(x => x.UpdatedAt).Description("Last change (UTC).");
        Field(x => x.UpdatedBy).Description("Who made the last change.");
    }
}
