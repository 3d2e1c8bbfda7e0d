using System.Linq.Expressions;
using Warehouse.Aggregation;
using Warehouse.Catalogue;
using Warehouse.Funds;
using Warehouse.Querying;

namespace Warehouse.Projects;

/// <summary>The named measures of project aggregates (以工代赈 labour pay against 以工代赈 money, beneficiaries per 万元), each with its definition; declared
/// in the catalogue entry.</summary>
internal static class ProjectMeasures
{
    public static IEnumerable<MeasureDef> For(EntityDef entity)
    {
        Expression<Func<Project, long?>> labor = p => p.LaborPayFen;
        Expression<Func<Project, long?>> invest = p => p.TotalInvestFen;
        Expression<Func<Project, long?>> benef = p => p.BenefHouseholds;
        var allocEntity = (EntityDef<FundAllocation>)WarehouseCatalogue.Default.Require("FundAllocation");
        FieldDef[] yigongDeps = [entity.Require("laborPay"), allocEntity.Field("amount")!, allocEntity.Field("sourceType")!];
        // The rule compares labour pay with the 以工代赈 money, not with all investment, and only where that money exists.
        Func<QuerySources, LambdaExpression> yigong = sources =>
        {
            var allocs = sources.Scoped(allocEntity);
            Expression<Func<Project, long?>> e = p => allocs.Where(a => a.ProjectCode == p.Code && a.SourceType == AggregateCatalogue.YigongFund)
                .Sum(a => (long?)a.AmountFen);
            return e;
        };
        yield return NamedMeasure.Of("yigongFunds", MeasureOutput.Money,
            "以工代赈资金：项目下达的以工代赈资金合计（元）。Σ fund allocations of source type 以工代赈 to the group's projects, 元.", yigongDeps,
            s => new SumOf(yigong(s)));
        yield return NamedMeasure.Of("laborPayRatio", MeasureOutput.Fraction,
            "以工代赈劳务报酬占比 = 劳务报酬 ÷ 以工代赈资金，仅以工代赈项目。Work-for-relief labour-pay ratio: Σ laborPay ÷ yigongFunds over the group's projects with 以工代赈 " +
                "funds (0..1; null without them; the rule is ≥ 0.15).",
            yigongDeps, s => new RatioOf(new SumOf(labor), new SumOf(yigong(s))));
        yield return NamedMeasure.Of("beneficiariesPer10k", MeasureOutput.Fraction,
            "Beneficiary households per 万元 invested: Σ benefHouseholds ÷ (Σ totalInvest ÷ 10,000 元).",
            [entity.Require("benefHouseholds"), entity.Require("totalInvest")],
            _ => new RatioOf(new SumOf(benef), new SumOf(invest), Scale: 1_000_000));
    }
}
