using System.Collections.Frozen;
using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// An immutable copy of the permission matrix at one version. Every request reads one snapshot from start to
/// end, so a change made mid-request never applies half.
/// </summary>
public sealed class PermissionSnapshot
{
    private readonly FrozenDictionary<(string Role, string Type, string Field), Grant> _grants;

    public PermissionSnapshot(long version, IEnumerable<KeyValuePair<(string Role, string Type, string Field), Grant>> grants)
    {
        Version = version;
        _grants = grants.ToFrozenDictionary();
    }

    public long Version { get; }

    /// <summary>Grant of a role on a field; a cell missing from storage falls back to the catalogue default, and admin reads nothing.</summary>
    public Grant For(string role, FieldDef field) =>
        _grants.TryGetValue((role, field.Entity.TypeName, field.Name), out var g) ? g : field.Defaults.For(role);

    public static PermissionSnapshot FromCatalogue(WarehouseCatalogue catalogue, long version = 0) =>
        new(version, from e in catalogue.Entities
                     from f in e.Fields
                     from r in Roles.DataRoles
                     select KeyValuePair.Create((r, e.TypeName, f.Name), f.Defaults.For(r)));
}
