using GraphQL.Types;

namespace Warehouse.Administration;

/// <summary>GraphQL type of <see cref="MyPermissions"/>.</summary>
internal sealed class MyPermissionsType : ObjectGraphType<MyPermissions>
{
    public MyPermissionsType()
    {
        Name = "MyPermissions";
        Description = "Your role, region and the access you have to every field (or, for admins asking for a role, that role's).";
        Field(x => x.UserId).Description("Your user id.");
        Field(x => x.Role, nullable: true).Description("Data role (null for an admin without one).");
        Field(x => x.RegionCode, nullable: true).Description("Region of the data role.");
        Field(x => x.IsAdmin).Description("You may manage permissions and assignments.");
        Field(x => x.MatrixVersion).Description("Version of the permission matrix these come from.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldAccessType>>>>("fields").Description("Access per type and field.")
            .Resolve(c => c.Source.Fields);
    }
}
