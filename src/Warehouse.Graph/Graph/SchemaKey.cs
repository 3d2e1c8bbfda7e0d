namespace Warehouse.Graph;

/// <summary>What a role's schema depends on: the data role, admin or not, and the permission matrix version.</summary>
internal sealed record SchemaKey(string? DataRole, bool IsAdmin, long Version);
