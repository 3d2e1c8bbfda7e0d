namespace Warehouse.Import.Reading;

/// <summary>One data row of a sheet: its row number as the user sees it (the header is row 1) and its cells as text.</summary>
internal readonly record struct SourceRow(int Number, string?[] Cells);
