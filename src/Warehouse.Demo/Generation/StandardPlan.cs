namespace Warehouse.Generation;

/// <summary>
/// The county's standards (低保, 特困, award caps, income lines), written to the standards table and used by the
/// generator itself, so the amounts paid and the standards they are compared with come from one list.
/// Figures from a county's 2023 income plan (docs/indicators.md); the same values are used for every year.
/// </summary>
internal static class StandardPlan
{
    public const string Dibao = "低保";
    public const string Tekun = "特困";
    public const string IndustryRewardCap = "产业奖补上限";
    public const string IndustryRewardRate = "产业奖补比例";
    public const string HouseholdSubsidyCap = "到户增收上限";
    public const string IncomeLine = "收入监测线";

    /// <summary>Kind, unit, amount in fen (a rate in hundredths of a percent for 比例).</summary>
    public static IReadOnlyList<(string Kind, string Unit, long AmountFen)> All { get; } =
    [
        (Dibao, "元/人/年", 537_000),
        (Tekun, "元/人/年", 698_400),
        (IndustryRewardCap, "元/户/年", 500_000),
        (IndustryRewardRate, "%", 1_000),
        (HouseholdSubsidyCap, "元/户/次", 800_000),
        (IncomeLine, "元/人/年", 850_000),
    ];

    public static long Amount(string kind) => All.First(s => s.Kind == kind).AmountFen;
}
