using System.Linq.Expressions;
using Warehouse.Aggregation;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Funds;

/// <summary>The named measures of fund allocations aggregates (disbursement against allocation), each with its definition; declared in the catalogue
/// entry.</summary>
internal static class FundAllocationMeasures
{
    public static IEnumerable<MeasureDef> For(EntityDef entity)
    {
        var disbEntity = (EntityDef<Disbursement>)WarehouseCatalogue.Default.Require("Disbursement");
        FieldDef[] deps = [entity.Require("amount"), disbEntity.Field("amount")!, disbEntity.Field("stage")!];
        Func<QuerySources, LambdaExpression> disbursed = sources =>
        {
            var disb = sources.Scoped(disbEntity);
            Expression<Func<FundAllocation, long?>> e = a => disb.Where(d => d.AllocId == a.Id).Sum(d => (long?)(d.Stage == "收回" ? -d.AmountFen : d.AmountFen));
            return e;
        };
        Expression<Func<FundAllocation, long?>> allocated = a => a.AmountFen;
        yield return NamedMeasure.Of("disbursed", MeasureOutput.Money,
            "Funds disbursed from the group's allocations, 元: Σ disbursements at stages 拨付 and 报账支出 minus 收回 (recovered).", deps,
            s => new SumOf(disbursed(s)));
        yield return NamedMeasure.Of("disbursedShare", MeasureOutput.Fraction,
            "Funds disbursed over allocated: disbursed ÷ Σ amount (0..1, may exceed 1 only if data are wrong).", deps,
            s => new RatioOf(new SumOf(disbursed(s)), new SumOf(allocated)));
    }
}
