namespace Warehouse.Migrations;

/// <summary>What a migration run applied.</summary>
public sealed record MigrationResult(IReadOnlyList<string> Scripts, int DefaultPermissionsAdded);
