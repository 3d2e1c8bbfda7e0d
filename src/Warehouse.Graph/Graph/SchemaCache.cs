using System.Collections.Concurrent;
using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// One built schema per (role, admin, matrix version). A permission change raises the version, so the next
/// request builds (once) and uses the new schema; old versions are dropped.
/// </summary>
internal sealed class SchemaCache(IEnumerable<ISchemaContributor> contributors)
{
    private readonly ConcurrentDictionary<SchemaKey, Lazy<ISchema>> _schemas = new();

    public ISchema Get(SchemaKey key, PermissionSnapshot permissions)
    {
        var lazy = _schemas.GetOrAdd(key, k => new Lazy<ISchema>(() =>
            new RoleSchemaBuilder(WarehouseCatalogue.Default, permissions, k.DataRole, k.IsAdmin, contributors).Build()));
        foreach (var stale in _schemas.Keys.Where(k => k.Version < key.Version))
        {
            _schemas.TryRemove(stale, out _);
        }
        return lazy.Value;
    }
}
