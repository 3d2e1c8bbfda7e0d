namespace Warehouse.Import.Validation;

/// <summary>Yes/no cells: 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×.</summary>
internal static class FlagParser
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "是", "有", "Y", "YES", "TRUE", "1", "√", "✓" };
    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase) { "否", "无", "N", "NO", "FALSE", "0", "×", "✗" };

    public static ParseResult Parse(string text)
    {
        var s = text.Trim();
        return Yes.Contains(s) ? ParseResult.Ok(true) : No.Contains(s) ? ParseResult.Ok(false) : ParseResult.Fail(RejectCode.BadFlag);
    }
}
