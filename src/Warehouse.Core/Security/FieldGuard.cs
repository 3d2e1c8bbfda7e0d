using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// The field-permission checks for every use of a field other than reading it: filtering, sorting, paging
/// (cursors carry sort values), grouping, aggregating and exporting. A masked field may be read masked but
/// never used in any of these, since each would reveal the value through the result.
/// </summary>
public static class FieldGuard
{
    /// <summary>Throws unless the reader holds the field in full.</summary>
    public static void RequireFull(AccessContext access, FieldDef field, string usage)
    {
        var grant = access.GrantFor(field);
        switch (grant.Access)
        {
            case Access.Hidden:
                throw Hidden(access, field);
            case Access.Masked:
                throw Masked(access, field, usage);
        }
    }

    /// <summary>Throws unless the reader may read the field at all (full or masked).</summary>
    public static void RequireReadable(AccessContext access, FieldDef field)
    {
        if (access.GrantFor(field).Access == Access.Hidden)
        {
            throw Hidden(access, field);
        }
    }

    /// <summary>The one FIELD_MASKED error, whichever check finds it (the validation rules or the compilers).</summary>
    public static QueryException Masked(AccessContext access, FieldDef field, string usage) =>
        new(ErrorCodes.FieldMasked, $"{field.QualifiedName} is masked for role {access.RoleName}: it cannot be used in {usage}, which would reveal it.");

    public static QueryException Hidden(AccessContext access, FieldDef field) =>
        new(ErrorCodes.FieldHidden, $"Field {field.QualifiedName} does not exist for role {access.RoleName}.");
}
