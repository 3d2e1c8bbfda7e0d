using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// <see cref="ValueShaper.Read"/> decided once for one field and one reader: the grant and whether the minors rule
/// shadows the field are looked up when it is made, and <see cref="Shape"/> then applies the same masks and rule to
/// each stored value. ValueShaper itself shapes through this type, so the graph (one value at a time) and a plain
/// export page (one shaper per column, many rows) cannot shape differently.
/// </summary>
public sealed class FieldShaper
{
    private readonly AccessContext _access;
    private readonly Access _grant;

    public FieldShaper(AccessContext access, FieldDef field)
    {
        _access = access;
        Field = field;
        _grant = access.GrantFor(field).Access;
        Shadowed = MinorRecords.Shadows(field, access);
    }

    public FieldDef Field { get; }

    /// <summary>True when a minor's row is shaped differently (the caller must then say whether the row is a minor's).</summary>
    public bool Shadowed { get; }

    /// <summary>What the reader receives for a stored value.</summary>
    /// <param name="raw">The stored value (money in fen).</param>
    /// <param name="minor">The row is a minor's (<see cref="MinorRecords.IsMinorBirth"/>); only read when <see cref="Shadowed"/>.</param>
    /// <param name="sibling">Reads another property of the same row, for masks that depend on it.</param>
    public object? Shape(object? raw, bool minor, Func<string, object?> sibling)
    {
        if (Shadowed && minor)
        {
            // A minor's record for a reader who sees it masked: masks where one fits, otherwise withheld.
            return Field.Mask == MaskKind.None ? null : Masks.Apply(Field.Mask, raw, sibling);
        }
        return _grant switch
        {
            Access.Full => ValueCoercion.ToOutput(Field, raw),
            Access.Masked => Masks.Apply(Field.Mask, raw, sibling),
            _ => throw FieldGuard.Hidden(_access, Field),
        };
    }
}
