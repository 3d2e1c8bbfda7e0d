using Warehouse.Catalogue;

namespace Warehouse.Funds;

/// <summary>
/// Catalogue entry for disbursements. Payments to organisations are open finances; a payee who is a person
/// (payeeType 农户) has name and account masked, per the data dictionary.
/// </summary>
internal static class DisbursementCatalogue
{
    public static EntityDef<Disbursement> Build() =>
        new EntityBuilder<Disbursement>("Disbursement", "disbursements", "disbursement", "fund_disbursements", "资金拨付",
                "A disbursement or spending record (拨付/报账支出/收回) against an allocation. Visible county-wide; person payees are masked.",
                RowScope.CountyWide)
            .Key(x => x.Id, "id", "支付编号", "Disbursement number.", column: "disb_id")
            .Field(x => x.AllocId, "allocId", "指标编号", "Allocation paid from.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.ProjectCode, "projectCode", "项目编号", "Project.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .RegionCodes("the project site")
            .Field(x => x.Stage, "stage", "环节", "拨付, 报账支出 or 收回.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.AmountFen, "amount", "金额", "Amount, 元.", sensitivity: Sensitivity.Internal)
            .Field(x => x.PaidAt, "paidAt", "日期", "Payment date.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.PayeeType, "payeeType", "收款方类型", "企业, 合作社, 村集体 or 农户.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.PayeeName, "payeeName", "收款方名称", "Payee; a person's name is masked (张*).", sensitivity: Sensitivity.Personal,
                mask: MaskKind.PersonPayeeName, caps: FieldCaps.None, grants: new(Grant.M, Grant.M, Grant.M), dependsOn: nameof(Disbursement.PayeeType))
            .Field(x => x.PayeeAccount, "payeeAccount", "收款账号", "Payee account; a person's account shows its last 4 digits only.",
                sensitivity: Sensitivity.Sensitive,
                mask: MaskKind.PersonPayeeAccount, caps: FieldCaps.None, grants: new(Grant.M, Grant.H, Grant.H), dependsOn: nameof(Disbursement.PayeeType))
            .HasOne("allocation", "资金下达", "The allocation paid from.", "FundAllocation", nameof(Disbursement.AllocId), "Id")
            .HasOne("project", "项目", "The project.", "Project", nameof(Disbursement.ProjectCode), "Code")
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
