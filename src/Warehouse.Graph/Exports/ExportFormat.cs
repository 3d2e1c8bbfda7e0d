namespace Warehouse.Exports;

/// <summary>The row feed formats: RFC 4180 CSV, JSON Lines (one JSON object per row), and Apache Parquet.</summary>
internal enum ExportFormat
{
    Csv,
    Jsonl,
    Parquet,
}
