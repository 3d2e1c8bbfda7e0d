namespace Warehouse.Import.Loading;

/// <summary>Where a long import is: the phase (validate, write), the entity and the rows done so far.</summary>
public readonly record struct ImportProgress(string Phase, string Entity, int Rows, int? Total = null);
