namespace Warehouse.Catalogue;

/// <summary>The roles the warehouse knows. Data roles are tied to a region of their level.</summary>
public static class Roles
{
    public const string County = "county";
    public const string Township = "township";
    public const string Village = "village";
    public const string Admin = "admin";

    /// <summary>Roles that read data, widest first.</summary>
    public static readonly IReadOnlyList<string> DataRoles = [County, Township, Village];

    public static bool IsDataRole(string role) => role is County or Township or Village;

    public static bool IsKnown(string role) => IsDataRole(role) || role == Admin;
}
