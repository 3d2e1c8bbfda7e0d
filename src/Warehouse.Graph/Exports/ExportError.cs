namespace Warehouse.Exports;

/// <summary>One coded error of an export request; <see cref="Field"/> names the offending field path when there is one.</summary>
internal sealed record ExportError(string Code, string Message, string? Field = null);
