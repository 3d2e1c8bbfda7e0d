using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Security;

/// <summary>
/// The permission matrix in force. Each request compares the stored matrix version (one indexed single-row
/// read) with the cached snapshot and reloads on change, so an admin's edit applies on every server instance
/// from the next request without a restart.
/// </summary>
public sealed class PermissionStore(IDbContextFactory<WarehouseDbContext> contexts)
{
    private volatile PermissionSnapshot? _current;

    public async Task<PermissionSnapshot> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = await db.MatrixVersion.Where(v => v.Id == 1).Select(v => v.Version).FirstAsync(ct);
        var current = _current;
        if (current is not null && current.Version == version)
        {
            return current;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        version = await db.MatrixVersion.Where(v => v.Id == 1).Select(v => v.Version).FirstAsync(ct);
        var rows = await db.FieldPermissions.ToListAsync(ct);
        await tx.CommitAsync(ct);
        var snapshot = new PermissionSnapshot(version, rows
            .Where(r => AccessNames.Parse(r.Access) is not null)
            .Select(r => KeyValuePair.Create((r.Role, r.TypeName, r.FieldName),
                new Grant(AccessNames.Parse(r.Access)!.Value, r.Revealable, r.AggregateOnly))));
        _current = snapshot;
        return snapshot;
    }
}
