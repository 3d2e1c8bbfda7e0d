using Warehouse.Querying;

namespace Warehouse.Exports;

/// <summary>
/// One keyset page of an export: its rows as plain stored values (the reader's buffer, valid until the next page is
/// read) and, per reference of the plan, the related rows by parent key.
/// </summary>
internal sealed record ExportPage(PlainPage Rows, IReadOnlyList<IReadOnlyDictionary<string, List<object>>> Related);
