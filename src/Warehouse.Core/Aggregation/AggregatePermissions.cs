using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Aggregation;

/// <summary>
/// Which keys and measures a role may use. A field may be grouped or aggregated when the role reads it FULL or
/// holds it aggregate-only (A); masked and hidden fields may not, since the groups would reveal them. A key or
/// measure reading an aggregate-only field makes the whole request subject to small-cell suppression.
/// </summary>
public static class AggregatePermissions
{
    public static bool Usable(Grant grant) => grant.Access == Access.Full || grant.AggregateOnly;

    /// <summary>The field may only be seen in aggregates for this role: its groups are suppressed below k.</summary>
    public static bool IsAggregateOnly(Grant grant) => grant.Access != Access.Full && grant.AggregateOnly;

    public static bool Usable(Func<FieldDef, Grant> grantFor, GroupKeyDef key) => Usable(grantFor(key.Field));

    public static bool Usable(Func<FieldDef, Grant> grantFor, MeasureDef measure) => measure.DependsOn.All(f => Usable(grantFor(f)));

    /// <summary>Throws FIELD_HIDDEN or FIELD_MASKED unless the field may be grouped or aggregated.</summary>
    public static void Require(AccessContext access, FieldDef field, string usage)
    {
        var grant = access.GrantFor(field);
        if (Usable(grant))
        {
            return;
        }
        if (grant.Access == Access.Masked)
        {
            throw new QueryException(ErrorCodes.FieldMasked,
                $"{field.QualifiedName} is masked for role {access.RoleName}: it cannot be used in {usage}, which would reveal it.");
        }
        throw FieldGuard.Hidden(access, field);
    }
}
