using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Regions;

namespace Warehouse.Security;

/// <summary>
/// Which region codes exist, and at which level: a token or assignment naming a region that does not exist is
/// refused instead of quietly reading nothing. Loaded once and reloaded (at most every 30 s) when an unknown
/// code appears, so newly maintained codes are picked up without a restart.
/// </summary>
public sealed class RegionDirectory(IDbContextFactory<WarehouseDbContext> contexts, TimeProvider? clock = null)
{
    private static readonly TimeSpan ReloadAfter = TimeSpan.FromSeconds(30);
    private volatile Dictionary<string, string>? _levels;
    private DateTime _loadedAt;

    public async Task<string?> LevelOfAsync(string code, CancellationToken ct)
    {
        var levels = _levels;
        if (levels is not null && (levels.TryGetValue(code, out var level) || Now - _loadedAt < ReloadAfter))
        {
            return level;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        levels = await db.Set<Region>().ToDictionaryAsync(r => r.Code, r => r.Level, StringComparer.Ordinal, ct);
        _levels = levels;
        _loadedAt = Now;
        return levels.GetValueOrDefault(code);
    }

    private DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
}
