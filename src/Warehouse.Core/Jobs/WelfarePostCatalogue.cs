using Warehouse.Catalogue;

namespace Warehouse.Jobs;

/// <summary>Catalogue entry for public-welfare posts. Scoped: a post names the person holding it.</summary>
internal static class WelfarePostCatalogue
{
    public static EntityDef<WelfarePost> Build() =>
        new EntityBuilder<WelfarePost>("WelfarePost", "posts", "post", "welfare_posts", "公益性岗位",
                "A public-welfare post (公益性岗位) in a village and who holds it. Rows are limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "岗位编号", "Post number.", column: "post_id")
            .Field(x => x.PostType, "postType", "岗位类型", "村庄保洁员, 生态护林员, 治安协管员, 劳动保障协理员, 看护员 or 设施维护员.", caps: FieldCaps.All)
            .RegionCodes("the post")
            .Field(x => x.FundSource, "fundSource", "岗位资金", "Source of the post's money.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.HolderMemberId, "holderMemberId", "在岗人员", "Member holding the post (null when vacant).", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All, identity: Identity.Identifying)
            .Field(x => x.TermStart, "termStart", "聘期开始", "Start of the contract.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.TermEnd, "termEnd", "聘期结束", "End of the contract.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.MonthlySubsidyFen, "monthlySubsidy", "岗位补贴", "Monthly subsidy, 元.", sensitivity: Sensitivity.Personal)
            .Field(x => x.FullTime, "fullTime", "全日制", "Full-time post.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.SubsidyDueFen, "subsidyDue", "应发补贴", "Subsidy due so far this term, 元.", sensitivity: Sensitivity.Personal)
            .Field(x => x.SubsidyPaidFen, "subsidyPaid", "已发补贴", "Subsidy paid so far this term, 元.", sensitivity: Sensitivity.Personal)
            .AboutPerson(x => x.SubjectBirthDate, "subject_birth_date", Members.MemberCatalogue.MinorAge, Members.MemberCatalogue.MinorGrants)
            .RecordKey(x => x.RecordKey)
            .HasOne("holder", "在岗人员", "The member holding the post.", "Member", nameof(WelfarePost.HolderMemberId), "Id")
            .AsOf("daysToTermEnd", "距聘期结束天数",
                "聘期结束日期减报告日的天数。Days from the as-of date to termEnd (termEnd − as-of): {gte: 0, lte: 30} = the term ends within 30 days of the " +
                "as-of date; negative once it has ended.",
                AsOfKind.DaysUntil, "termEnd")
            .Measures(WelfarePostMeasures.For)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
