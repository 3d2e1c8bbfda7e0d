using Microsoft.EntityFrameworkCore;
using Warehouse.Data;

namespace Warehouse.Security;

/// <summary>Reads a user's stored role assignments (active and revoked).</summary>
public sealed class AssignmentStore(IDbContextFactory<WarehouseDbContext> contexts)
{
    public async Task<IReadOnlyList<UserAssignmentRow>> ForUserAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.UserAssignments.Where(a => a.UserId == userId).ToListAsync(ct);
    }
}
