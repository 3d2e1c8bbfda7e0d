using Warehouse.Catalogue;

namespace Warehouse.Standards;

/// <summary>Catalogue entry for standards. Published policy figures: visible county-wide, read-only to every data role.</summary>
internal static class StandardCatalogue
{
    public static EntityDef<Standard> Build() =>
        new EntityBuilder<Standard>("Standard", "standards", "standard", "standards", "标准",
                "A standard the county applies (低保, 特困, industry-reward cap and rate, household-subsidy cap, income monitoring line), for a region " +
                    "and a period of validity. Published: visible county-wide.",
                RowScope.CountyWide)
            .Key(x => x.Id, "id", "标准编号", "Standard number.", column: "standard_id", sensitivity: Sensitivity.Public)
            .RegionCodes("the standard")
            .Field(x => x.RegionCode, "regionCode", "适用区划",
                "适用地区的12位区划代码。12-digit code of the region the standard applies to (the county, or a township or village where it differs).",
                caps: FieldCaps.All)
            .Field(x => x.Kind, "kind", "标准类别", column: "standard_kind", description:
                "低保, 特困, 产业奖补上限, 产业奖补比例, 到户增收上限 or 收入监测线. 类别：低保/特困保障标准、产业奖补上限与比例、到户增收上限、收入监测线。", caps: FieldCaps.All)
            .Field(x => x.Unit, "unit", "单位", "Unit of the amount: 元/人/年, 元/户/年, 元/户/次, or % for a rate. 金额单位。", caps: FieldCaps.All)
            .Field(x => x.AmountFen, "amount", "标准金额", "标准金额（元；比例类为百分数）。The amount in 元 (a rate's percent for 比例 kinds).")
            .Field(x => x.ValidFrom, "validFrom", "起始日期", "First day the standard applies. 生效日期。", caps: FieldCaps.All)
            .Field(x => x.ValidTo, "validTo", "截止日期", "Last day it applies; null while in force. 失效日期，现行为空。", caps: FieldCaps.All)
            .AsOf("inForceOnAsOf", "报告日有效", "报告日有效：起始日期不晚于报告日，且无截止日期或截止日期不早于报告日。In force on the as-of date: validFrom ≤ as-of and validTo null or ≥ as-of.",
                AsOfKind.InForce, "validFrom", "validTo")
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
