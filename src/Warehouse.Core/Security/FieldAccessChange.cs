namespace Warehouse.Security;

/// <summary>One requested change of the permission matrix, made against the version the admin saw.</summary>
public sealed record FieldAccessChange(string Role, string Type, string Field, string Access, bool Revealable, bool AggregateOnly, int ExpectedVersion);
