using System.Security.Claims;
using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// Resolves who a signed-in user is for the warehouse. Stored assignments (managed by admins) win; a user with
/// no stored assignment at all may be given role and region by the token's claims (app role in <c>roles</c>,
/// region in <c>region_code</c>). A revoked assignment is an explicit deny that token claims cannot override.
/// </summary>
public sealed class AccessResolver(AssignmentStore assignments, PermissionStore permissions, RegionDirectory regions, TimeProvider time)
{
    public async Task<AccessResolution> ResolveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = LocalTokenIssuer.UserId(user);
        if (userId is null)
        {
            return AccessResolution.Deny("The token carries no user id (oid or sub).");
        }
        var snapshot = await permissions.CurrentAsync(ct);
        var stored = await assignments.ForUserAsync(userId, snapshot.Version, ct);
        List<(string Role, string? Region)> held;
        if (stored.Count > 0)
        {
            held = [.. stored.Where(a => a.Status == "active").Select(a => (a.Role, (string?)a.RegionCode))];
        }
        else
        {
            var region = user.FindFirst(LocalTokenIssuer.RegionClaim)?.Value;
            held = [.. user.FindAll(LocalTokenIssuer.RoleClaim).Concat(user.FindAll(ClaimTypes.Role))
                .Select(c => c.Value).Distinct().Where(Roles.IsKnown).Select(r => (r, Roles.IsDataRole(r) ? region : null))];
        }
        // An API key reads data only: even if its user is later also made an admin, the key never administers,
        // so a leaked BI credential cannot change permissions or issue further keys.
        var isAdmin = held.Any(h => h.Role == Roles.Admin) && !ApiKeyAuthenticationHandler.IsApiKey(user);
        var data = held.Where(h => Roles.IsDataRole(h.Role)).ToList();
        if (data.Count > 1)
        {
            return AccessResolution.Deny($"User {userId} holds more than one data role; an admin must keep one.");
        }
        if (data.Count == 0 && !isAdmin)
        {
            return AccessResolution.Deny(stored.Count > 0
                ? $"The assignment of user {userId} was revoked by an admin; ask an admin to restore it."
                : $"User {userId} has no role in Warehouse; ask an admin for an assignment.");
        }
        var (dataRole, regionCode) = data.Count == 1 ? data[0] : (null, null);
        if (dataRole is not null && (regionCode is null || !RegionCodes.IsValid(regionCode) || RegionCodes.Level(regionCode) != LevelOf(dataRole)))
        {
            return AccessResolution.Deny($"Role {dataRole} needs a 12-digit {LevelOf(dataRole).ToLowerInvariant()} region code; got '{regionCode}'.");
        }
        if (dataRole is not null && await regions.LevelOfAsync(regionCode!, ct) is null)
        {
            return AccessResolution.Deny($"Region {regionCode} does not exist in this warehouse.");
        }
        return AccessResolution.Allow(new AccessContext(userId, dataRole, regionCode, isAdmin, snapshot, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));
    }

    public static string LevelOf(string dataRole) => dataRole switch
    {
        Roles.County => "COUNTY",
        Roles.Township => "TOWNSHIP",
        _ => "VILLAGE",
    };
}
