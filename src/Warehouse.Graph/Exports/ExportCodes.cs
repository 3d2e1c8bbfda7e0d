namespace Warehouse.Exports;

/// <summary>Error codes specific to exports (the shared ones are in <see cref="Warehouse.Querying.ErrorCodes"/>).</summary>
internal static class ExportCodes
{
    /// <summary>A name in <c>fields</c> that is neither a field of the entity nor a field of one of its single references.</summary>
    public const string UnknownField = "UNKNOWN_FIELD";
    /// <summary>No exposed entity has this root field, or the extension is neither .csv nor .jsonl.</summary>
    public const string UnknownExport = "UNKNOWN_EXPORT";
    /// <summary>A query parameter other than fields/where/order has a value outside its set (bom, header).</summary>
    public const string InvalidParameter = "INVALID_PARAMETER";
}
