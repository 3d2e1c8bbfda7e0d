namespace Warehouse.Exports;

/// <summary>One keyset page of an export: its rows and, per reference of the plan, the related rows by parent key.</summary>
internal sealed record ExportPage(IReadOnlyList<object> Rows, IReadOnlyList<IReadOnlyDictionary<string, List<object>>> Related);
