using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// Turns a stored value into what a reader receives: full, masked, or (when revealable and asked for with a
/// reason) full after the reveal was recorded. The graph and the exports both read values only through here: the
/// rules themselves are <see cref="FieldShaper"/>'s, which exports prepare once per column for their plain pages.
/// </summary>
public static class ValueShaper
{
    public static object? Read(AccessContext access, FieldDef field, object row)
    {
        var shaper = new FieldShaper(access, field);
        var raw = PropertyAccessors.Getter(field.Property)(row);
        return shaper.Shape(raw, shaper.Shadowed && MinorRecords.IsMinor(field.Entity, row, access), name => PropertyAccessors.Get(row, name));
    }

    /// <summary>The full value of a masked, revealable field. The caller records the reveal first.</summary>
    public static object? Reveal(AccessContext access, FieldDef field, object row)
    {
        var grant = access.GrantFor(field);
        if (grant.Access == Access.Hidden)
        {
            throw FieldGuard.Hidden(access, field);
        }
        if (MinorRecords.Shadows(field, access) && MinorRecords.IsMinor(field.Entity, row, access))
        {
            throw new QueryException(ErrorCodes.RevealNotAllowed, $"{field.QualifiedName} of a minor's record cannot be revealed by role {access.RoleName}.");
        }
        if (grant.Access == Access.Masked && !grant.Revealable)
        {
            throw new QueryException(ErrorCodes.RevealNotAllowed, $"{field.QualifiedName} cannot be revealed by role {access.RoleName}.");
        }
        var raw = ValueCoercion.ToOutput(field, PropertyAccessors.Getter(field.Property)(row));
        return raw is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : raw?.ToString();
    }
}
