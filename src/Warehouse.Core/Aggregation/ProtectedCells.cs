using static Warehouse.Aggregation.AggregateEngine;

namespace Warehouse.Aggregation;

/// <summary>
/// Finishes a protected aggregate from the parts <see cref="AggregateQuery"/> read: perturbs every value with
/// <see cref="CellKeyPerturbation"/>, withholds whole every group whose perturbed count or perturbed number of
/// distinct households is below k (keys and measures: the group is not in the answer), then applies having,
/// order and first to the perturbed values only. Nothing a reader receives was computed from a true value that
/// the noise did not touch, so no threshold, rank or subtraction gets back to one.
/// </summary>
internal sealed class ProtectedCells(AggregateRequest request, AggregatePlan plan, AggregationOptions options)
{
    private const ulong RowsStream = 0;
    private const ulong HouseholdsStream = 1;

    public AggregateResult Finish(List<AggregateRow> rows, Func<AggregateRow, Dictionary<string, object?>> keys, ProtectedParts parts)
    {
        var groups = new List<AggregateGroup>();
        var withheld = 0;
        foreach (var row in rows)
        {
            var cellKey = Long(row, parts.Rows.KeySum);
            var count = CellKeyPerturbation.PerturbCount(Long(row, parts.Rows.Count), cellKey, RowsStream);
            var households = CellKeyPerturbation.PerturbCount(Long(row, parts.Households), cellKey, HouseholdsStream);
            if (count < options.MinCellSize || households < options.MinCellSize)
            {
                withheld++;
                continue;
            }
            var measures = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var measure in plan.Measures)
            {
                measures[measure.Id] = MeasureOutputValue(measure, Value(measure, row, cellKey, count, households, parts));
            }
            groups.Add(new AggregateGroup { Keys = keys(row), Measures = measures });
        }
        IEnumerable<AggregateGroup> kept = groups.Where(Having);
        kept = Order(kept);
        return new AggregateResult
        {
            Keys = plan.Keys, Measures = plan.Measures, Groups = kept.Take(plan.First).ToList(), Protected = true, WithheldGroups = withheld,
        };
    }

    private static object? Value(MeasureDef measure, AggregateRow row, long cellKey, long count, long households, ProtectedParts parts)
    {
        var stream = CellKeyPerturbation.Stream(measure.Id);
        switch (measure.Op)
        {
            case MeasureOp.Count:
                return count;
            case MeasureOp.CountDistinct:
                return parts.Distinct[measure.Id] == parts.Households
                    ? households
                    : CellKeyPerturbation.PerturbCount(Long(row, parts.Distinct[measure.Id]), cellKey, stream);
            case MeasureOp.Sum:
                return Sum(row, parts.Sums[measure.Id], cellKey, stream);
            case MeasureOp.Avg:
                var values = CellKeyPerturbation.PerturbCount(Long(row, parts.Distinct[measure.Id]), cellKey, stream + 1);
                return Sum(row, parts.Sums[measure.Id], cellKey, stream) is { } sum && values > 0 ? (double)sum / values : null;
            default:
                var value = Evaluate(parts.Roots[measure.Id], row, cellKey, stream, parts);
                if (value is not { } v)
                {
                    return null;
                }
                // Counts and sums are whole stored units; boxed apart so a count never becomes a double.
                return measure.IsDouble ? v : (object)(long)Math.Round(v, MidpointRounding.AwayFromZero);
        }
    }

    /// <summary>A named measure over perturbed parts: each count with its own cell key, each sum with the group's, ratios of the two.</summary>
    private static double? Evaluate(GroupAgg agg, AggregateRow row, long cellKey, ulong stream, ProtectedParts parts) => agg switch
    {
        CountOf => parts.Derived[agg] is CountParts c
            ? CellKeyPerturbation.PerturbCount(Long(row, c.Count), Long(row, c.KeySum), RowsStream)
            : throw new InvalidOperationException("Count without its parts."),
        SumOf => Sum(row, (SumParts)parts.Derived[agg], cellKey, stream + 2),
        RatioOf ratio => Evaluate(ratio.Numerator, row, cellKey, stream + 3, parts) is { } num
                         && Evaluate(ratio.Denominator, row, cellKey, stream + 4, parts) is { } den && den != 0
            ? num * ratio.Scale / den
            : null,
        _ => throw new InvalidOperationException($"Unknown aggregate {agg}."),
    };

    private static long? Sum(AggregateRow row, SumParts parts, long cellKey, ulong stream)
    {
        if (AggregateQuery.Read(row, parts.Sum) is not long sum)
        {
            return null;
        }
        var largest = Math.Max(Math.Abs(Long(row, parts.Max)), Math.Abs(Long(row, parts.Min)));
        return CellKeyPerturbation.PerturbSum(sum, largest, cellKey, stream);
    }

    private bool Having(AggregateGroup group) => request.Having.All(h =>
    {
        // having names measures only, and every measure is a number (null when the group has no value).
        if (Number(group.Measures[h.Measure]) is not { } left)
        {
            return false;
        }
        return h.Operator switch
        {
            "eq" => left == h.Value,
            "neq" => left != h.Value,
            "gt" => left > h.Value,
            "gte" => left >= h.Value,
            "lt" => left < h.Value,
            _ => left <= h.Value,
        };
    });

    /// <summary>The terms asked for, then every key ascending; nulls first ascending and last descending, as SQL sorts them.</summary>
    private IEnumerable<AggregateGroup> Order(IEnumerable<AggregateGroup> groups)
    {
        var terms = request.Order.Select(o => (Value: (Func<AggregateGroup, object?>)(o.Key is { } key ? g => g.Keys[key] : g => g.Measures[o.Measure!]),
            o.Descending))
            .Concat(plan.Keys.Select(k => (Value: (Func<AggregateGroup, object?>)(g => g.Keys[k.Id]), Descending: false)))
            .ToList();
        IOrderedEnumerable<AggregateGroup>? ordered = null;
        foreach (var (value, descending) in terms)
        {
            ordered = ordered is null
                ? descending ? groups.OrderByDescending(value, ValueComparer.Instance) : groups.OrderBy(value, ValueComparer.Instance)
                : descending ? ordered.ThenByDescending(value, ValueComparer.Instance) : ordered.ThenBy(value, ValueComparer.Instance);
        }
        return ordered ?? groups;
    }

    /// <summary>A measure or key value as a number, or null when it is none (absent, text, date, yes/no).</summary>
    private static double? Number(object? value) => value switch
    {
        decimal d => (double)d,
        long n => n,
        int i => i,
        double f => f,
        _ => null,
    };

    private static long Long(AggregateRow row, string slot) => AggregateQuery.Read(row, slot) is long n ? n : 0;

    /// <summary>Orders key and measure values: null first, text by code point (as the databases' binary collations do).</summary>
    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ when Number(x) is { } a && Number(y) is { } b => a.CompareTo(b),
            _ => Comparer<object>.Default.Compare(x, y),
        };
    }
}
