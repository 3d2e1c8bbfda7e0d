using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// What one field of the catalogue allows in the permission matrix, and why not the rest. The admin API's
/// validation (<see cref="PermissionAdmin"/>) and the console's per-cell choices both read these rules, so the
/// console never offers what the server would refuse, and the reason it shows is the one the server would give.
/// </summary>
public static class FieldAccessRules
{
    /// <summary>The access levels the field may be set to, in display order.</summary>
    public static IReadOnlyList<Access> Allowed(FieldDef field) =>
        [.. new[] { Access.Full, Access.Masked, Access.Hidden }.Where(a => WhyNot(field, a) is null)];

    /// <summary>Why the field cannot be set to this access level; null when it can.</summary>
    public static string? WhyNot(FieldDef field, Access access)
    {
        if (access == Access.Masked && field.Mask == MaskKind.None)
        {
            return $"{field.QualifiedName} has no mask that fits it: use FULL or HIDDEN";
        }
        if (field == field.Entity.Key && access != Access.Full)
        {
            return $"{field.QualifiedName} is the key: it must stay FULL";
        }
        return null;
    }

    /// <summary>Why the field can never be aggregate-only (whatever its access); null when it can.</summary>
    public static string? WhyNotAggregateOnly(FieldDef field)
    {
        if (!field.CanGroup)
        {
            return $"{field.QualifiedName} cannot be grouped, so aggregate-only does not apply";
        }
        if (field.Entity.RecordKey is null)
        {
            // Aggregates over an aggregate-only field are perturbed with the rows' record keys; without keys they could not be protected.
            return $"{field.Entity.TypeName} rows carry no record keys, so its aggregates cannot be protected: aggregate-only is not available for " +
                $"{field.QualifiedName}";
        }
        if (field.IsIdentifying)
        {
            return $"{field.QualifiedName} identifies a person, so it is never a group key of a protected aggregate: aggregate-only does not apply";
        }
        return null;
    }
}
