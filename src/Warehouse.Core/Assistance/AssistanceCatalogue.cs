using Warehouse.Catalogue;

namespace Warehouse.Assistance;

/// <summary>Catalogue entry for assistance measures and payments.</summary>
internal static class AssistanceCatalogue
{
    public static EntityDef<AssistanceMeasure> Build() =>
        new EntityBuilder<AssistanceMeasure>("Assistance", "assistance", "assistanceMeasure", "assistance", "帮扶措施",
                "An assistance measure or payment (帮扶措施/待遇发放) for a household or member: industry rewards, microcredit, posts, health, education, " +
                    "safety net. Rows are limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "措施编号", "Measure number.", column: "assist_id")
            .Field(x => x.HouseholdId, "householdId", "户编号", "The household.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .Field(x => x.MemberId, "memberId", "成员编号", "The member, for personal measures.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .RegionCodes("the household", Sensitivity.Internal)
            .Field(x => x.Category, "category", "措施大类", "产业, 就业, 金融, 健康, 教育, 住房, 饮水, 兜底保障, 搬迁后扶 or 其他.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.Item, "item", "具体措施", "到户产业奖补, 小额信贷, 公益性岗位, 雨露计划, 医疗救助, 低保, 特困供养, 临时救助, 残疾人两项补贴, 危房改造, ...", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.StartDate, "startDate", "落实日期", "Date the measure started.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.EndDate, "endDate", "截止日期", "Date it ends (null while open).", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.AmountFen, "amount", "金额", "Amount per period, 元.", sensitivity: Sensitivity.Personal)
            .Field(x => x.Period, "period", "周期", "一次性, 月 or 年.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.Channel, "channel", "发放渠道", "一卡通 or 对公.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.RefId, "refId", "关联编号", "Related project, post or loan.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .Field(x => x.CadreName, "cadreName", "帮扶责任人", "Responsible cadre (published by rule).", sensitivity: Sensitivity.Internal)
            .Field(x => x.CadrePhone, "cadrePhone", "责任人电话", "Cadre's office phone (published by rule).", sensitivity: Sensitivity.Internal)
            .AboutPerson(x => x.SubjectBirthDate, "subject_birth_date", Members.MemberCatalogue.MinorAge, Members.MemberCatalogue.MinorGrants)
            .RecordKey(x => x.RecordKey)
            .HasOne("household", "所属户", "The household.", "Household", nameof(AssistanceMeasure.HouseholdId), "Id")
            .HasOne("member", "成员", "The member, for personal measures.", "Member", nameof(AssistanceMeasure.MemberId), "Id")
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
