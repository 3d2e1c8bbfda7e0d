using System.Linq.Expressions;
using Warehouse.Aggregation;
using Warehouse.Catalogue;

namespace Warehouse.Members;

/// <summary>The named measures of member aggregates (the labour force and its employment), each with its definition; declared in the catalogue entry.</summary>
internal static class MemberMeasures
{
    public static IEnumerable<MeasureDef> For(EntityDef entity)
    {
        Expression<Func<Member, bool>> inForce = m => m.LaborCapacity == "普通劳动力" || m.LaborCapacity == "技能劳动力";
        Expression<Func<Member, bool>> employed = m => (m.LaborCapacity == "普通劳动力" || m.LaborCapacity == "技能劳动力")
            && m.WorkStatus != "未务工";
        FieldDef[] deps = [entity.Require("laborCapacity"), entity.Require("workStatus")];
        yield return NamedMeasure.Of("laborForce", MeasureOutput.Count,
            "劳动力（普通劳动力、技能劳动力，不含弱劳动力或半劳动力）。Members in the labour force: laborCapacity 普通劳动力 or 技能劳动力 (弱劳动力或半劳动力 is not counted).", [deps[0]], _ =>
            new CountOf(inForce));
        yield return NamedMeasure.Of("employed", MeasureOutput.Count, "Labour-force members who work (workStatus other than 未务工).", deps, _ =>
            new CountOf(employed));
        yield return NamedMeasure.Of("employmentRate", MeasureOutput.Fraction,
            "Employment rate of the labour force: employed ÷ laborForce (0..1; null when the group has no labour force).", deps,
            _ => new RatioOf(new CountOf(employed), new CountOf(inForce)));
    }
}
