using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// Builds the schema one role sees, from the catalogue and the permission snapshot. A field hidden for the
/// role is not in it at all: not in introspection, not in filters or sorts, and a query naming it fails
/// validation. An admin without a data role gets no data fields.
/// </summary>
internal sealed class RoleSchemaBuilder(WarehouseCatalogue catalogue, PermissionSnapshot permissions, string? dataRole, bool isAdmin,
    IEnumerable<ISchemaContributor> contributors)
{
    public Schema Build()
    {
        Grant GrantFor(FieldDef f) => dataRole is null ? Grant.H : permissions.For(dataRole, f);
        bool Visible(EntityDef e) => dataRole is not null && e.Exposed;

        // Graph types are created by activation, not from the app's container: the schema holds no app services
        // (resolvers take theirs from the request), so the CLI and tests can build it without a host.
        var schema = new Schema(
            new GraphQL.DefaultServiceProvider())
        {
            Description = "Warehouse: county poverty-monitoring data (防返贫监测), one graph over the " +
            "warehouse's API views."
        };
        var query = new ObjectGraphType
        {
            Name = "Query",
            Description = "Read the warehouse. Every list is limited to your region; fields follow your role's permissions."
        };
        var inputs = new InputTypes(GrantFor, Visible);
        Grant MinorGrant(EntityDef e) => dataRole is null || e.Minors is null ? Grant.F : e.Minors.Grants.For(dataRole);
        var entities = new EntityTypes(GrantFor, Visible, MinorGrant);
        if (dataRole is not null)
        {
            foreach (var type in InputTypes.Shared())
            {
                schema.RegisterType(type);
            }
            var level = new EnumerationGraphType { Name = GraphTypeNames.RegionLevel, Description = "Level in the region tree." };
            level.Add("COUNTY", "COUNTY", "县");
            level.Add("TOWNSHIP", "TOWNSHIP", "乡镇");
            level.Add("VILLAGE", "VILLAGE", "村");
            schema.RegisterType(level);
            schema.RegisterType(EntityTypes.PageInfo());
            foreach (var entity in catalogue.Exposed)
            {
                foreach (var type in entities.For(entity).Concat(inputs.For(entity)))
                {
                    schema.RegisterType(type);
                }
                query.AddField(RootFields.Connection(entity, InputTypes.HasSort(entity, GrantFor)));
                query.AddField(RootFields.Lookup(entity));
            }
        }
        ObjectGraphType? mutation = null;
        foreach (var contributor in contributors)
        {
            contributor.Contribute(schema, query, ref mutation, dataRole, isAdmin, permissions);
        }
        schema.Query = query;
        if (mutation is not null)
        {
            schema.Mutation = mutation;
        }
        schema.Initialize();
        return schema;
    }
}
