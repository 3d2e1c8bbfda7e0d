namespace Warehouse.Aggregation;

/// <summary>
/// The continuous percentile, exactly as SQL's PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY v) defines it, so the same
/// definition holds whatever the database: with the n non-null values sorted ascending as v[0] ≤ … ≤ v[n-1],
/// h = p × (n − 1), and the percentile is v[⌊h⌋] + (h − ⌊h⌋) × (v[⌈h⌉] − v[⌊h⌋]) — linear interpolation between the
/// two nearest ranks. Null when there are no values. It is computed here rather than in SQL because SQLite has no
/// percentile function and EF Core does not translate SQL Server's PERCENTILE_CONT.
/// </summary>
internal static class Percentiles
{
    /// <summary>The fraction p of a percentile operator, or null when the operator is not a percentile.</summary>
    public static double? Fraction(MeasureOp op) => op switch
    {
        MeasureOp.Median => 0.5,
        MeasureOp.P25 => 0.25,
        MeasureOp.P75 => 0.75,
        MeasureOp.P90 => 0.9,
        _ => null,
    };

    /// <summary>PERCENTILE_CONT(p) of values already sorted ascending (nulls already left out); null when empty.</summary>
    public static double? Cont(IReadOnlyList<long> sorted, double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile's fraction is between 0 and 1.");
        }
        if (sorted.Count == 0)
        {
            return null;
        }
        var h = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(h);
        var hi = (int)Math.Ceiling(h);
        // Written as lower + fraction × gap so that equal neighbours give the value exactly, with no rounding.
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>PERCENTILE_CONT(p) of a group's values in any order; nulls are ignored, as SQL ignores them.</summary>
    public static double? Cont(IEnumerable<long?> values, double p) =>
        Cont(values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToList(), p);
}
