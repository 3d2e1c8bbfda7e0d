using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;

namespace Warehouse.Security;

/// <summary>
/// Reads a user's stored role assignments (active and revoked). Cached per matrix version: every assignment
/// change raises that version (see <see cref="PermissionAdmin"/>), and every request reads the version anyway,
/// so a change is in force from the next request while unchanged users cost no query. An entry is used only
/// by requests that saw the same version it was read under, so a read racing a change can never be reused.
/// </summary>
public sealed class AssignmentStore(IDbContextFactory<WarehouseDbContext> contexts)
{
    private const int MaxCachedUsers = 10_000;
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<UserAssignmentRow> Rows)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<UserAssignmentRow>> ForUserAsync(string userId, long matrixVersion, CancellationToken ct)
    {
        if (_cache.TryGetValue(userId, out var cached) && cached.Version == matrixVersion)
        {
            return cached.Rows;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.UserAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        if (_cache.Count > MaxCachedUsers)
        {
            _cache.Clear();
        }
        _cache[userId] = (matrixVersion, rows);
        return rows;
    }
}
