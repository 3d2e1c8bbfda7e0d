using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>A user's role and region.</summary>
internal sealed class AssignmentType : ObjectGraphType<UserAssignmentRow>
{
    public AssignmentType()
    {
        Name = "Assignment";
        Description = "Which role and region a user (token user id) holds. A revoked assignment stays, as an explicit deny that token claims cannot override.";
        Field(x => x.UserId).Description("User id from the token (Entra object id or sub).");
        Field(x => x.Role).Description("county, township, village or admin.");
        Field(x => x.RegionCode).Description("12-digit code of the role's region.");
        Field(x => x.Status).Description("active or revoked.");
        Field(x => x.Version).Description("Send it back as expectedVersion when changing or revoking.");
        Field(x => x.UpdatedAt).Description("Last change (UTC).");
        Field(x => x.UpdatedBy).Description("Who made the last change.");
    }
}
