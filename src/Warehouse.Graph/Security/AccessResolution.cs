namespace Warehouse.Security;

/// <summary>Outcome of resolving a signed-in user: an access context, or why there is none.</summary>
public sealed record AccessResolution(AccessContext? Access, string? Reason)
{
    public static AccessResolution Allow(AccessContext access) => new(access, null);
    public static AccessResolution Deny(string reason) => new(null, reason);
}
