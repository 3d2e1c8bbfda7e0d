namespace Warehouse.Api.Exports;

/// <summary>The two feed formats: RFC 4180 CSV, and JSON Lines (one JSON object per row).</summary>
internal enum ExportFormat
{
    Csv,
    Jsonl,
}
