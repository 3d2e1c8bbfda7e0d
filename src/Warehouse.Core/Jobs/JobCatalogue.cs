using Warehouse.Catalogue;

namespace Warehouse.Jobs;

/// <summary>Catalogue entry for employment records.</summary>
internal static class JobCatalogue
{
    public static EntityDef<Job> Build() =>
        new EntityBuilder<Job>("Job", "jobs", "job", "jobs", "就业记录",
                "An employment record of a household member: migrant work, local work, a public-welfare post, a workshop job or work-for-relief. " +
                    "Rows are limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "就业记录编号", "Employment record number.", column: "emp_id")
            .Field(x => x.MemberId, "memberId", "成员编号", "The working member.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .Field(x => x.HouseholdId, "householdId", "户编号", "The member's household.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .RegionCodes("the household", Sensitivity.Internal)
            .Field(x => x.EmpForm, "empForm", "就业形式", "外出务工, 就近务工, 灵活就业, 自主创业, 公益性岗位, 帮扶车间 or 以工代赈.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WorkRegion, "workRegion", "务工地域", "Where: 县内, 省内县外 or 省外 with the place.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.Employer, "employer", "用工单位", "Employer.", sensitivity: Sensitivity.Personal)
            .Field(x => x.StartMonth, "startMonth", "开始月份", "First month of work (first day of the month).", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.EndMonth, "endMonth", "结束月份", "Last month of work (null while ongoing).", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.MonthlyWageFen, "monthlyWage", "月收入", "Monthly income, 元.", sensitivity: Sensitivity.Personal)
            .Field(x => x.WorkshopId, "workshopId", "帮扶车间", "Workshop, for workshop jobs.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.PostId, "postId", "公益性岗位", "Post, for public-welfare post jobs.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .AboutPerson(x => x.SubjectBirthDate, "subject_birth_date", Members.MemberCatalogue.MinorAge, Members.MemberCatalogue.MinorGrants)
            .RecordKey(x => x.RecordKey)
            .HasOne("member", "成员", "The working member.", "Member", nameof(Job.MemberId), "Id")
            .HasOne("household", "所属户", "The member's household.", "Household", nameof(Job.HouseholdId), "Id")
            .HasOne("workshop", "帮扶车间", "The workshop, for workshop jobs.", "Workshop", nameof(Job.WorkshopId), "Id")
            .HasOne("post", "公益性岗位", "The post, for public-welfare post jobs.", "WelfarePost", nameof(Job.PostId), "Id")
            .AsOf("employedOnAsOf", "报告日在岗",
                "报告日在岗：开始月份不晚于报告日，且无结束月份或结束月份不早于报告日所在月。Working on the as-of date: startMonth ≤ as-of and endMonth null or ≥ the first day of the " +
                "as-of month (a headcount on the date, not the year's records).",
                AsOfKind.InForce, "startMonth", "endMonth", monthlyEnd: true)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
