using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// Who is asking, resolved once per request: data role, region and the permission snapshot in force.
/// Everything that reads data takes one of these; there is no unscoped read path.
/// </summary>
public sealed class AccessContext
{
    /// <param name="userId">The signed-in user (oid or sub).</param>
    /// <param name="dataRole">county, township or village; null for an admin without a data role.</param>
    /// <param name="regionCode">The 12-digit code of the role's region.</param>
    /// <param name="isAdmin">Whether the user also administers permissions.</param>
    /// <param name="permissions">The permission matrix in force for this request.</param>
    /// <param name="today">The request's date (UTC) from the server's <see cref="TimeProvider"/>; today by the system clock when not given.</param>
    public AccessContext(string userId, string? dataRole, string? regionCode, bool isAdmin, PermissionSnapshot permissions, DateOnly? today = null)
    {
        Today = today ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        if (dataRole is not null && !Roles.IsDataRole(dataRole))
        {
            throw new ArgumentException($"'{dataRole}' is not a data role.", nameof(dataRole));
        }
        if (dataRole is not null && (regionCode is null || !RegionCodes.IsValid(regionCode)))
        {
            throw new ArgumentException("A data role needs a 12-digit region code.", nameof(regionCode));
        }
        UserId = userId;
        DataRole = dataRole;
        RegionCode = regionCode ?? "";
        IsAdmin = isAdmin;
        Permissions = permissions;
    }

    public string UserId { get; }
    /// <summary>county, township or village; null for an admin without a data role (reads no data).</summary>
    public string? DataRole { get; }
    public string RegionCode { get; }
    public bool IsAdmin { get; }
    public PermissionSnapshot Permissions { get; }
    /// <summary>The date the request is answered on: one value for the whole request, so the minors rule cannot shift mid-request.</summary>
    public DateOnly Today { get; }

    public string CountyCode => RegionCodes.County(RegionCode);

    /// <summary>Role name used in messages and the audit trail.</summary>
    public string RoleName => DataRole ?? (IsAdmin ? Roles.Admin : "none");

    /// <summary>How this reader may see minors' records of an entity (FULL when the entity has no rule).</summary>
    public Grant MinorGrant(EntityDef entity) =>
        entity.Minors is null ? Grant.F : DataRole is null ? Grant.H : entity.Minors.Grants.For(DataRole);

    /// <summary>Today's cutoff: born after it means a minor.</summary>
    public DateOnly MinorCutoff(EntityDef entity) => entity.Minors!.Cutoff(Today);

    /// <summary>The grant in force for this reader on a field; no data role means hidden.</summary>
    public Grant GrantFor(FieldDef field) =>
        DataRole is null ? Grant.H : Permissions.For(DataRole, field);
}
