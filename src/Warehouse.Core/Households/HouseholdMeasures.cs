using System.Linq.Expressions;
using Warehouse.Aggregation;
using Warehouse.Catalogue;

namespace Warehouse.Households;

/// <summary>The named measures of household aggregates (the priority-review line, falling incomes, transfer dependence), each with its definition;
/// declared in the catalogue entry.</summary>
internal static class HouseholdMeasures
{
    public static IEnumerable<MeasureDef> For(EntityDef entity)
    {
        Expression<Func<Household, bool>> below = h => h.PerCapitaNetIncomeFen < AggregateCatalogue.IncomeLineFen;
        Expression<Func<Household, bool>> falling = h => h.PrevPerCapitaNetIncomeFen != null && h.PerCapitaNetIncomeFen < h.PrevPerCapitaNetIncomeFen;
        Expression<Func<Household, bool>> transferHeavy = h => h.TransferIncomeFen * 5 > h.NetIncomeFen * 3;
        var pc = entity.Require("perCapitaNetIncome");
        yield return NamedMeasure.Of("belowLine", MeasureOutput.Count, "Households whose per-capita net income is below 8,500 元 (priority review line).", [pc],
            _ => new CountOf(below));
        yield return NamedMeasure.Of("shareBelow8500", MeasureOutput.Fraction,
            "Share below 8,500: households with per-capita net income < 8,500 元 ÷ all households in the group (0..1).", [pc],
            _ => new RatioOf(new CountOf(below), new CountOf(null)));
        yield return NamedMeasure.Of("incomeFalling", MeasureOutput.Count,
            "Households whose per-capita net income fell year on year (prevPerCapitaNetIncome known and higher than perCapitaNetIncome).",
            [pc, entity.Require("prevPerCapitaNetIncome")], _ => new CountOf(falling));
        yield return NamedMeasure.Of("transferAbove60", MeasureOutput.Count,
            "Households whose transfer income is above 60 % of net income (transferIncome > 0.6 × netIncome).",
            [entity.Require("transferIncome"), entity.Require("netIncome")], _ => new CountOf(transferHeavy));
    }
}
