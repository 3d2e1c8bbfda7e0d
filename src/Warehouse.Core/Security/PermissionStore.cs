using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
    /// <summary>
    /// The version read, compiled once per model: it runs on every request, and as a LINQ query EF Core rebuilt,
    /// hashed and looked up its expression each time (issue 15, "request path" in docs/performance.md). One per
    /// model because a compiled query keeps the first provider's SQL: a process with SQLite and PostgreSQL contexts
    /// (the tests) would send SQLite's statement to PostgreSQL.
    /// </summary>
    private static readonly ConcurrentDictionary<IModel, Func<WarehouseDbContext, CancellationToken, Task<long>>> ReadVersion = new();

    private volatile PermissionSnapshot? _current;

    public async Task<PermissionSnapshot> CurrentAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = await VersionOf(db, ct);
        var current = _current;
        if (current is not null && current.Version == version)
        {
            return current;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        version = await VersionOf(db, ct);
        var rows = await db.FieldPermissions.ToListAsync(ct);
        await tx.CommitAsync(ct);
        var snapshot = new PermissionSnapshot(version, rows
            .Where(r => AccessNames.Parse(r.Access) is not null)
            .Select(r => KeyValuePair.Create((r.Role, r.TypeName, r.FieldName),
                new Grant(AccessNames.Parse(r.Access)!.Value, r.Revealable, r.AggregateOnly))));
        _current = snapshot;
        return snapshot;
    }

    private static Task<long> VersionOf(WarehouseDbContext db, CancellationToken ct) =>
        ReadVersion.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((WarehouseDbContext c, CancellationToken t) =>
            c.MatrixVersion.Where(v => v.Id == 1).Select(v => v.Version).First()))(db, ct);
}
