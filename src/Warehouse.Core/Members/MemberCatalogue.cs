using Warehouse.Catalogue;

namespace Warehouse.Members;

/// <summary>Catalogue entry for household members.</summary>
internal static class MemberCatalogue
{
    /// <summary>
    /// Data dictionary section 3: records of minors under 14 are aggregate-only for the county, masked for the
    /// township, full for the village that makes the visits. Records about a member follow the same grants.
    /// </summary>
    public static readonly DefaultGrants MinorGrants = new(Grant.A, Grant.M, Grant.F);

    /// <summary>Age under which a member's records are a minor's (PIPL Art. 28).</summary>
    public const int MinorAge = Members.MinorAge.Years;

    public static EntityDef<Member> Build() =>
        new EntityBuilder<Member>("Member", "members", "member", "members", "家庭成员",
                "A member of a registered or monitored household. Rows follow the household's managing village.",
                RowScope.Region)
            .Key(x => x.Id, "id", "成员编号", "Member number (surrogate key).", column: "member_id")
            .Field(x => x.HouseholdId, "householdId", "户编号", "Household the member belongs to.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .RegionCodes("the household", Sensitivity.Internal)
            .Field(x => x.Name, "name", "姓名", "Full name. The county reads it masked (张*) and may reveal it with a reason.",
                sensitivity: Sensitivity.Personal, mask: MaskKind.PersonName, grants: new(Grant.MR, Grant.F, Grant.F))
            .Field(x => x.IdNumber, "idNumber", "公民身份号码",
                "18-character citizen ID number. Read masked (130***************, the first 3 characters only); revealable with a reason.",
                sensitivity: Sensitivity.Sensitive, mask: MaskKind.IdNumber, grants: new(Grant.MR, Grant.MR, Grant.MR))
            .Field(x => x.Relation, "relation", "与户主关系", "Relation to the head of household (户主, 配偶, 之子, ...).", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.Gender, "gender", "性别", "男 or 女.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.BirthDate, "birthDate", "出生日期", "Date of birth; coarsened to the year above the village.",
                sensitivity: Sensitivity.Personal, mask: MaskKind.DateToYear, grants: new(Grant.M, Grant.M, Grant.F))
            .Field(x => x.Ethnicity, "ethnicity", "民族", "Ethnic group. Statistics only above the village.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All, grants: new(Grant.A, Grant.A, Grant.F))
            .Field(x => x.Education, "education", "文化程度", "Education level.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.SchoolStatus, "schoolStatus", "在校生状况", "School status of students.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.HealthStatus, "healthStatus", "健康状况", "健康, 长期慢性病, 患有大病 or 残疾; drives the 因病 risk.", sensitivity: Sensitivity.Sensitive,
                caps: FieldCaps.All)
            .Field(x => x.DiseaseName, "diseaseName", "病种", "Diagnosis. Hidden by default: decisions need the category and cost, not the diagnosis.",
                sensitivity: Sensitivity.Sensitive, grants: new(Grant.H, Grant.H, Grant.H))
            .Field(x => x.DisabilityTypeGrade, "disabilityTypeGrade", "残疾类别/等级", "Disability type and grade (e.g. 肢体三级); the village reads the type only.",
                sensitivity: Sensitivity.Sensitive, mask: MaskKind.Category, caps: FieldCaps.Filter, grants: new(Grant.F, Grant.F, Grant.M))
            .Field(x => x.DisabilityCertNo, "disabilityCertNo", "残疾人证号", "Disability certificate number. Hidden by default.",
                sensitivity: Sensitivity.Sensitive, caps: FieldCaps.None, grants: new(Grant.H, Grant.H, Grant.H), identity: Identity.Identifying)
            .Field(x => x.LaborCapacity, "laborCapacity", "劳动技能", "普通劳动力, 技能劳动力, 弱劳动力或半劳动力, 丧失劳动力 or 无劳动力.", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.WorkStatus, "workStatus", "务工状况", "县内务工, 省内县外务工, 省外务工 or 未务工.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WorkMonths, "workMonths", "务工时间", "Months worked in the year.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.MedIns, "medIns", "居民医保", "Covered by residents' medical insurance.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.PensionIns, "pensionIns", "养老保险", "Covered by residents' pension insurance.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.TrainingNeed, "trainingNeed", "培训需求", "Vocational training the member asked for.", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .MinorRecords(x => x.BirthDate, MinorAge, MinorGrants)
            .RecordKey(x => x.RecordKey)
            .HasOne("household", "所属户", "The member's household.", "Household", nameof(Member.HouseholdId), "Id")
            .HasMany("jobs", "就业记录", "The member's employment records.", "Job", nameof(Member.Id), "MemberId")
            .AsOf("ageOnAsOf", "报告日年龄",
                "报告日的周岁年龄（按出生日期）。Age in whole years on the as-of date, by birth date: ageOnAsOf ≥ n means born on or before as-of − n years, ≤ n " +
                "born after as-of − (n + 1) years (16–59: born after as-of − 60 years and on or before as-of − 16 years).",
                AsOfKind.AgeYears, "birthDate")
            .Measures(MemberMeasures.For)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
