using System.Linq.Expressions;
using Warehouse.Aggregation;
using Warehouse.Catalogue;

namespace Warehouse.Jobs;

/// <summary>The named measures of welfarepost aggregates (filled posts and subsidy paid), each with its definition; declared in the catalogue entry.</summary>
internal static class WelfarePostMeasures
{
    public static IEnumerable<MeasureDef> For(EntityDef entity)
    {
        Expression<Func<WelfarePost, bool>> filled = p => p.HolderMemberId != null;
        Expression<Func<WelfarePost, long?>> paid = p => p.SubsidyPaidFen;
        Expression<Func<WelfarePost, long?>> due = p => p.SubsidyDueFen;
        yield return NamedMeasure.Of("filled", MeasureOutput.Count, "Posts with a holder (holderMemberId not null); count is the posts funded.",
            [entity.Require("holderMemberId")], _ => new CountOf(filled));
        yield return NamedMeasure.Of("subsidyPaidShare", MeasureOutput.Fraction, "Subsidy paid over due: Σ subsidyPaid ÷ Σ subsidyDue (0..1).",
            [entity.Require("subsidyPaid"), entity.Require("subsidyDue")],
            _ => new RatioOf(new SumOf(paid), new SumOf(due)));
    }
}
