using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// Changes to the permission matrix and to user assignments. Each call is validated as a whole, applied in one
/// transaction with optimistic concurrency (a change made against a stale version is refused, nothing applied),
/// audited with before and after, and raises the matrix version so every server instance picks it up on its
/// next request.
/// </summary>
public sealed class PermissionAdmin(IDbContextFactory<WarehouseDbContext> contexts, TimeProvider? clock = null)
{
    public async Task<IReadOnlyList<FieldPermissionRow>> SetFieldAccessAsync(string adminId, IReadOnlyList<FieldAccessChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            throw new AdminException(ErrorCodes.InvalidPermission, "No changes given.");
        }
        var problems = changes.Select(Validate).Where(p => p is not null).Select(p => p!).ToList();
        if (problems.Count > 0)
        {
            throw new AdminException(ErrorCodes.InvalidPermission, "Invalid permission change; nothing was applied: " + string.Join("; ", problems), problems);
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var stale = new List<string>();
        foreach (var c in changes)
        {
            var before = await db.FieldPermissions.AsNoTracking()
                .FirstAsync(p => p.Role == c.Role && p.TypeName == c.Type && p.FieldName == c.Field, ct);
            var updated = await db.FieldPermissions
                .Where(p => p.Role == c.Role && p.TypeName == c.Type && p.FieldName == c.Field && p.Version == c.ExpectedVersion)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Access, c.Access)
                    .SetProperty(p => p.Revealable, c.Revealable)
                    .SetProperty(p => p.AggregateOnly, c.AggregateOnly)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now)
                    .SetProperty(p => p.UpdatedBy, adminId), ct);
            if (updated == 0)
            {
                stale.Add(
                    $"{c.Role} {c.Type}.{c.Field}: you edited version {c.ExpectedVersion}, the current version is {before.Version} (changed by " +
                    $"{before.UpdatedBy} at {before.UpdatedAt:u})");
                continue;
            }
            db.AuditRecords.Add(Change(adminId, AuditKinds.PermissionChange, c.Type, c.Field, now,
                new { role = c.Role, access = before.Access, revealable = before.Revealable, aggregateOnly = before.AggregateOnly, version = before.Version },
                new { role = c.Role, access = c.Access, revealable = c.Revealable, aggregateOnly = c.AggregateOnly, version = before.Version + 1 }));
        }
        if (stale.Count > 0)
        {
            await tx.RollbackAsync(ct);
            throw new AdminException(ErrorCodes.StaleVersion, "Someone changed these cells since you loaded them; nothing was applied. Reload and try again: "
                + string.Join("; ", stale), stale);
        }
        await db.SaveChangesAsync(ct);
        await BumpVersion(db, ct);
        await tx.CommitAsync(ct);
        var keys = changes.Select(c => c.Role + "|" + c.Type + "|" + c.Field).ToHashSet();
        var rows = await db.FieldPermissions.AsNoTracking().ToListAsync(ct);
        return [.. rows.Where(r => keys.Contains(r.Role + "|" + r.TypeName + "|" + r.FieldName))];
    }

    public async Task<UserAssignmentRow> AssignAsync(string adminId, string userId, string role, string regionCode, int? expectedVersion, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 128)
        {
            throw new AdminException(ErrorCodes.InvalidAssignment, "userId must be 1–128 characters.");
        }
        if (!Roles.IsKnown(role))
        {
            throw new AdminException(ErrorCodes.InvalidAssignment, $"Unknown role '{role}': use county, township, village or admin.");
        }
        if (!RegionCodes.IsValid(regionCode))
        {
            throw new AdminException(ErrorCodes.InvalidAssignment, $"'{regionCode}' is not a 12-digit region code.");
        }
        var level = role switch { Roles.County => "COUNTY", Roles.Township => "TOWNSHIP", Roles.Village => "VILLAGE", _ => null };
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (level is not null && !await db.Set<Regions.Region>().AnyAsync(r => r.Code == regionCode && r.Level == level, ct))
        {
            throw new AdminException(ErrorCodes.InvalidAssignment,
                $"Role {role} needs a {level.ToLowerInvariant()} code that exists; {regionCode} is not one.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var existing = await db.UserAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Role == role, ct);
        if (Roles.IsDataRole(role) && await db.UserAssignments.AnyAsync(a => a.UserId == userId && a.Role != role && a.Status == "active"
                && (a.Role == Roles.County || a.Role == Roles.Township || a.Role == Roles.Village), ct))
        {
            throw new AdminException(ErrorCodes.InvalidAssignment, $"User {userId} already holds another data role; revoke it first (one data role per user).");
        }
        if (existing is null)
        {
            if (expectedVersion is not null and not 0)
            {
                throw new AdminException(ErrorCodes.StaleVersion, $"User {userId} has no {role} assignment (version 0), not version {expectedVersion}.");
            }
            db.UserAssignments.Add(new UserAssignmentRow
            {
                UserId = userId, Role = role, RegionCode = regionCode, Status = "active", Version = 1,
                UpdatedAt = now, UpdatedBy = adminId
            });
        }
        else
        {
            if (expectedVersion != existing.Version)
            {
                throw new AdminException(ErrorCodes.StaleVersion,
                    $"The {role} assignment of {userId} is at version {existing.Version}, not " +
                    $"{expectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; reload and try again.");
            }
            var updated = await db.UserAssignments.Where(a => a.UserId == userId && a.Role == role && a.Version == existing.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RegionCode, regionCode).SetProperty(a => a.Status, "active")
                    .SetProperty(a => a.Version, a => a.Version + 1).SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.UpdatedBy, adminId), ct);
            if (updated == 0)
            {
                throw new AdminException(ErrorCodes.StaleVersion, "The assignment changed meanwhile; reload and try again.");
            }
        }
        db.AuditRecords.Add(Change(adminId, AuditKinds.AssignmentChange, null, null, now,
            existing is null ? null : new { userId, role, existing.RegionCode, existing.Status, existing.Version },
            new { userId, role, regionCode, status = "active", version = (existing?.Version ?? 0) + 1 }));
        await db.SaveChangesAsync(ct);
        await BumpVersion(db, ct);
        await tx.CommitAsync(ct);
        return await db.UserAssignments.AsNoTracking().FirstAsync(a => a.UserId == userId && a.Role == role, ct);
    }

    public async Task<UserAssignmentRow> RevokeAsync(string adminId, string userId, string role, int expectedVersion, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.UserAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Role == role, ct)
                       ?? throw new AdminException(ErrorCodes.NotFound, $"User {userId} has no {role} assignment.");
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var updated = await db.UserAssignments.Where(a => a.UserId == userId && a.Role == role && a.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, "revoked").SetProperty(a => a.Version, a => a.Version + 1)
                .SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.UpdatedBy, adminId), ct);
        if (updated == 0)
        {
            throw new AdminException(ErrorCodes.StaleVersion,
                $"The {role} assignment of {userId} is at version {existing.Version}, not {expectedVersion}; reload and try again.");
        }
        db.AuditRecords.Add(Change(adminId, AuditKinds.AssignmentChange, null, null, now,
            new { userId, role, existing.RegionCode, existing.Status, existing.Version },
            new { userId, role, existing.RegionCode, status = "revoked", version = existing.Version + 1 }));
        await db.SaveChangesAsync(ct);
        await BumpVersion(db, ct);
        await tx.CommitAsync(ct);
        return await db.UserAssignments.AsNoTracking().FirstAsync(a => a.UserId == userId && a.Role == role, ct);
    }

    private static string? Validate(FieldAccessChange c)
    {
        if (!Roles.IsDataRole(c.Role))
        {
            return $"unknown data role '{c.Role}'";
        }
        var entity = WarehouseCatalogue.Default.Find(c.Type);
        if (entity is null || !entity.Exposed)
        {
            return $"unknown type '{c.Type}'";
        }
        var field = entity.Field(c.Field);
        if (field is null)
        {
            return $"{c.Type} has no field '{c.Field}'";
        }
        var access = AccessNames.Parse(c.Access);
        if (access is null)
        {
            return $"{c.Type}.{c.Field}: access must be FULL, MASKED or HIDDEN";
        }
        if (FieldAccessRules.WhyNot(field, access.Value) is { } notAllowed)
        {
            return notAllowed;
        }
        if (c.Revealable && access != Access.Masked)
        {
            return $"{c.Type}.{c.Field}: only a MASKED field can be revealable";
        }
        if (c.AggregateOnly && access != Access.Hidden)
        {
            return $"{c.Type}.{c.Field}: aggregate-only means hidden per row; set access HIDDEN";
        }
        if (c.AggregateOnly && FieldAccessRules.WhyNotAggregateOnly(field) is { } noAggregate)
        {
            return noAggregate;
        }
        return null;
    }

    private static AuditRecordRow Change(string adminId, string kind, string? type, string? field, DateTime at, object? before, object after) => new()
    {
        At = at, UserId = adminId, Role = Roles.Admin, Kind = kind, TypeName = type, FieldName = field,
        Detail = JsonSerializer.Serialize(new { before, after }),
    };

    private static Task<int> BumpVersion(WarehouseDbContext db, CancellationToken ct) =>
        db.MatrixVersion.Where(v => v.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
}
