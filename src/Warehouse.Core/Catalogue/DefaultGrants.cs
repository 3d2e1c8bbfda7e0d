namespace Warehouse.Catalogue;

/// <summary>Default grants per data role for one field (data dictionary section 3).</summary>
public sealed record DefaultGrants(Grant County, Grant Township, Grant Village)
{
    public static readonly DefaultGrants AllFull = new(Grant.F, Grant.F, Grant.F);

    public Grant For(string role) => role switch
    {
        Roles.County => County,
        Roles.Township => Township,
        Roles.Village => Village,
        _ => Grant.H,
    };
}
