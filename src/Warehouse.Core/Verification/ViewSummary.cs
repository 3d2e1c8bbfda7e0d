namespace Warehouse.Verification;

/// <summary>One API view in the report: whether it exists, its rows, and how many of the contract's columns it has.</summary>
internal sealed record ViewSummary(string View, string Entity, bool Exists, long? Rows, int Columns, int ColumnsFound);
