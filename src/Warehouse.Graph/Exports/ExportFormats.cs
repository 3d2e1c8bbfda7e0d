namespace Warehouse.Exports;

/// <summary>File extension and media type of each feed format (the audit's "format" and the operation name use the extension).</summary>
internal static class ExportFormats
{
    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Jsonl => "jsonl",
        _ => "parquet",
    };

    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8; header=present",
        ExportFormat.Jsonl => "application/x-ndjson; charset=utf-8",
        _ => "application/vnd.apache.parquet",
    };

    public static ExportFormat? Parse(string extension) => extension switch
    {
        "csv" => ExportFormat.Csv,
        "jsonl" => ExportFormat.Jsonl,
        "parquet" => ExportFormat.Parquet,
        _ => null,
    };
}
