namespace Warehouse.Import.Validation;

/// <summary>A parsed cell: its value (null for an empty cell) or why it was rejected, with a detail for the report.</summary>
internal readonly record struct ParseResult(object? Value, RejectCode? Error, string? Detail = null)
{
    public static ParseResult Ok(object? value) => new(value, null);
    public static ParseResult Fail(RejectCode code, string? detail = null) => new(null, code, detail);
    public bool IsOk => Error is null;
}
