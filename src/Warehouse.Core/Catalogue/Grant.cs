namespace Warehouse.Catalogue;

/// <summary>
/// One cell of the permission matrix: access plus the two flags. Revealable: the full value may be asked for
/// with a recorded reason. AggregateOnly: usable in grouping and aggregates, never per row.
/// </summary>
public sealed record Grant(Access Access, bool Revealable = false, bool AggregateOnly = false)
{
    public static readonly Grant F = new(Access.Full);
    public static readonly Grant M = new(Access.Masked);
    /// <summary>Masked, revealable with a reason.</summary>
    public static readonly Grant MR = new(Access.Masked, Revealable: true);
    public static readonly Grant H = new(Access.Hidden);
    /// <summary>Aggregates only: hidden per row.</summary>
    public static readonly Grant A = new(Access.Hidden, AggregateOnly: true);

    /// <summary>Short code used in docs and snapshots: F, M, M+R, H, H+A.</summary>
    public override string ToString() =>
        Access switch { Access.Full => "F", Access.Masked => "M", _ => "H" }
        + (Revealable ? "+R" : "") + (AggregateOnly ? "+A" : "");
}
