using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>A user's role, region and the access they have to every field.</summary>
internal sealed record MyPermissions(
    string UserId, string? Role, string? RegionCode, bool IsAdmin, long MatrixVersion, IReadOnlyList<FieldPermissionRow> Fields);
