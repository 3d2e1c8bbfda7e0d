namespace Warehouse.Catalogue;

/// <summary>
/// A many-to-many link: rows of <see cref="LinkType"/> where <see cref="OwnerSide"/> equals the owner's key
/// and <see cref="TargetSide"/> equals the target's key. Link rows carry region codes and are scoped too.
/// </summary>
public sealed record LinkDef(string LinkType, string OwnerSide, string TargetSide)
{
    public EntityDef Link { get; internal set; } = null!;
}
