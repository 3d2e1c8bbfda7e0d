using System.Globalization;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Templates;

/// <summary>The rule of a column in words (Chinese, then English), as the template's notes sheet and docs/import.md show it.</summary>
internal static class ColumnNotes
{
    public static string Rule(ColumnSpec c) => c.Kind switch
    {
        ColumnKind.Text => $"文本，最长{c.MaxLength}字 / text, at most {c.MaxLength} characters",
        ColumnKind.Int => $"整数{Range(c, false)} / whole number{Range(c, false)}",
        ColumnKind.Money => $"金额（元，最多两位小数；可写“1.2万”“1,234.50元”）{Range(c, true)} / money in 元, up to 2 decimals (1.2万 = 12000){Range(c, true)}",
        ColumnKind.Date => "日期：2023-04-12、2023/4/12、2023.4.12、2023年4月12日、20230412 / a date in one of these forms",
        ColumnKind.Month => "月份：2023-04、2023年4月、202304（或完整日期，取当月1日） / a month (stored as its first day)",
        ColumnKind.Flag => "是/否 / yes (是) or no (否)",
        ColumnKind.Vocabulary => "取值之一 / one of the values listed",
        ColumnKind.VocabularyList => "可多选，用“、”分隔 / several values separated by 、",
        ColumnKind.IdNumber =>
            "18位公民身份号码，校验位按GB 11643；同一文件内不得重复；须与出生日期一致 / 18-character ID number, GB 11643 check character, unique in the file, matching the birth date",
        ColumnKind.RegionCode =>
            $"12位统计用区划代码，须为库中已有的{string.Join("或", (c.RegionLevels ?? []).Select(Level))} / 12-digit code of an existing " +
            $"{string.Join(" or ", (c.RegionLevels ?? []).Select(l => l.ToLowerInvariant()))}",
        ColumnKind.Reference => $"须为本次导入或库中已有的{Target(c)}编号 / key of a {c.Reference!.Target} row in this load or already in the warehouse",
        _ => "",
    };

    public static string Values(ColumnSpec c) => c.Vocabulary is { } v ? string.Join("、", v) : "";

    public static string Required(ColumnSpec c) => c.Required && c.Default is null ? "是" : c.Default is { } d ? $"否（默认 {Default(c, d)}）" : "否";

    private static string Default(ColumnSpec c, object d) => d switch
    {
        bool b => b ? "是" : "否",
        long fen when c.Kind == ColumnKind.Money => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture),
        _ => Convert.ToString(d, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Range(ColumnSpec c, bool money)
    {
        if (c.Min is null && c.Max is null)
        {
            return "";
        }
        string F(long v) => money ? (v / 100m).ToString("0.##", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
        return $" [{(c.Min is { } a ? F(a) : "")}, {(c.Max is { } b ? F(b) : "")}]";
    }

    private static string Level(string level) => level switch { "COUNTY" => "县", "TOWNSHIP" => "乡镇", _ => "村" };

    private static string Target(ColumnSpec c) => ImportEntities.Find(c.Reference!.Target)?.Label
        ?? c.Reference.Target switch { "workshops" => "帮扶车间", _ => c.Reference.Target };
}
