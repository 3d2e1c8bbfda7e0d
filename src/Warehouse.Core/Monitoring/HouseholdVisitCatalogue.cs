using Warehouse.Catalogue;

namespace Warehouse.Monitoring;

/// <summary>Catalogue entry for household visits.</summary>
internal static class HouseholdVisitCatalogue
{
    public static EntityDef<HouseholdVisit> Build() =>
        new EntityBuilder<HouseholdVisit>("Visit", "visits", "visit", "visits", "走访记录",
                "A visit to a household by its responsible cadre or the village (走访): routine, risk verification or policy delivery. Rows are " +
                    "limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "走访编号", "Visit number.", column: "visit_id")
            .Field(x => x.HouseholdId, "householdId", "户编号", "The household visited.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .RegionCodes("the household", Sensitivity.Internal)
            .Field(x => x.VisitedAt, "visitedAt", "走访日期", "Date of the visit.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.Visitor, "visitor", "走访人", "Cadre who visited.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.Purpose, "purpose", "走访事由", "日常走访, 风险核实 or 政策落实.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .HasOne("household", "所属户", "The household visited.", "Household", nameof(HouseholdVisit.HouseholdId), "Id")
            .AsOf("daysSinceVisit", "距走访天数",
                "报告日减走访日期的天数。Days from visitedAt to the as-of date (as-of − visitedAt): {gte: 0, lte: 30} = a visit in the 30 days up to the as-of date.",
                AsOfKind.DaysSince, "visitedAt")
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
