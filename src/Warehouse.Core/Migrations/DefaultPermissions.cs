using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Security;

namespace Warehouse.Migrations;

/// <summary>
/// Installs the catalogue's default grants for every (data role, type, field) cell that has no stored row.
/// Existing rows, including admins' edits, are never touched; a new catalogue field gets its default on the
/// next migration.
/// </summary>
internal static class DefaultPermissions
{
    /// <param name="db">The warehouse.</param>
    /// <param name="clock">The time written on the installed rows (default the system's).</param>
    public static int Install(WarehouseDbContext db, TimeProvider? clock = null)
    {
        var existing = db.FieldPermissions.AsNoTracking().Select(p => new { p.Role, p.TypeName, p.FieldName }).ToList()
            .Select(p => (p.Role, p.TypeName, p.FieldName)).ToHashSet();
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var entity in WarehouseCatalogue.Default.Exposed)
        {
            foreach (var field in entity.Fields)
            {
                foreach (var role in Roles.DataRoles)
                {
                    if (existing.Contains((role, entity.TypeName, field.Name)))
                    {
                        continue;
                    }
                    var grant = field.Defaults.For(role);
                    db.FieldPermissions.Add(new FieldPermissionRow
                    {
                        Role = role, TypeName = entity.TypeName, FieldName = field.Name,
                        Access = AccessNames.ToName(grant.Access), Revealable = grant.Revealable, AggregateOnly = grant.AggregateOnly,
                        Version = 1, UpdatedAt = now, UpdatedBy = "migration",
                    });
                    added++;
                }
            }
        }
        if (added > 0)
        {
            db.SaveChanges();
            db.MatrixVersion.Where(v => v.Id == 1).ExecuteUpdate(s => s.SetProperty(v => v.Version, v => v.Version + 1));
        }
        return added;
    }
}
