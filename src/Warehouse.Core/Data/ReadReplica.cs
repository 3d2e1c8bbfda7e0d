namespace Warehouse.Data;

/// <summary>
/// One read replica: the name of its connection string (logged; the string itself may hold a password) and the
/// options to open it with (the primary's provider and settings, its own connection string).
/// </summary>
public sealed record ReadReplica(string Name, DatabaseOptions Options);
