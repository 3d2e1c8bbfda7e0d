using System.Linq.Expressions;
using Warehouse.Aggregation;
using Warehouse.Catalogue;

namespace Warehouse.Jobs;

/// <summary>The named measures of workshop aggregates (the poor-worker share of assistance workshops), each with its definition; declared in the
/// catalogue entry.</summary>
internal static class WorkshopMeasures
{
    public static IEnumerable<MeasureDef> For(EntityDef entity)
    {
        Expression<Func<Workshop, long?>> poor = w => w.WorkersPoor;
        Expression<Func<Workshop, long?>> total = w => w.WorkersTotal;
        Expression<Func<Workshop, bool>> below = w => w.WorkersPoor * 10 < w.WorkersTotal * 3;
        FieldDef[] deps = [entity.Require("workersPoor"), entity.Require("workersTotal")];
        yield return NamedMeasure.Of("poorWorkerShare", MeasureOutput.Fraction,
            "Poor-worker share: Σ workersPoor ÷ Σ workersTotal over the group's workshops (0..1; the target is ≥ 0.30).", deps,
            _ => new RatioOf(new SumOf(poor), new SumOf(total)));
        yield return NamedMeasure.Of("belowPoorTarget", MeasureOutput.Count,
            "Workshops whose own poor-worker share is below 30 % (workersPoor < 0.3 × workersTotal).", deps, _ => new CountOf(below));
    }
}
