using Warehouse.Import.Validation;

namespace Warehouse.Import.Reports;

/// <summary>
/// One line of the reject report: where (file, sheet, row as the user sees it, column header), the value as read,
/// and why, as a stable code plus Chinese and English reasons. Row 1 is the header row (MISSING_COLUMN, UNKNOWN_COLUMN);
/// row 0 means the whole file or sheet (BAD_FILE, UNKNOWN_SHEET).
/// </summary>
public sealed record Reject(string File, string Sheet, int Row, string Column, string? Value, RejectCode Code, string? Detail = null)
{
    public string CodeText => RejectCodes.Code(Code);
    public string ReasonZh => Detail is null ? RejectCodes.Chinese(Code) : $"{RejectCodes.Chinese(Code)}（{Detail}）";
    public string ReasonEn => Detail is null ? RejectCodes.English(Code) : $"{RejectCodes.English(Code)} ({Detail})";

    /// <summary>Warnings are reported but do not stop a load (an extra column is ignored, nothing is lost).</summary>
    public bool IsWarning => Code == RejectCode.UnknownColumn;
}
