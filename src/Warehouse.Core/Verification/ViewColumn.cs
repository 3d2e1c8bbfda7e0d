namespace Warehouse.Verification;

/// <summary>A column of a view as the database reports it (name and declared type, as the provider spells it).</summary>
internal sealed record ViewColumn(string Name, string Type);
