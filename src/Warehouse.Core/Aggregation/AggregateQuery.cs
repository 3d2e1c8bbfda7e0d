using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Querying;
using static Warehouse.Aggregation.AggregateEngine;

namespace Warehouse.Aggregation;

/// <summary>
/// Builds and runs the one GROUP BY of an aggregate. The rows come from <see cref="QuerySources.AggregateRows{T}"/>
/// filtered by the same <see cref="FilterCompiler"/> as the lists (its relation filters follow the row rules), so
/// scope and <c>where</c> are identical by construction. Keys and measures are bound to the typed slots of
/// <see cref="AggregateKey"/>/<see cref="AggregateRow"/>: identifiers come only from the catalogue's EF mapping and
/// every value is a parameter.
/// </summary>
/// <remarks>
/// A plain aggregate computes its measures, HAVING, ORDER BY and LIMIT in SQL. A protected one reads, per group,
/// the parts its perturbation needs (counts, sums and largest contributions, the sums of record keys) and leaves
/// noise, withholding, having, order and first to <see cref="ProtectedCells"/>: conditions on true values would
/// let a reader find a cell's true value by trying thresholds.
/// </remarks>
internal sealed class AggregateQuery(QuerySources sources, AggregateRequest request, AggregatePlan plan, AggregationOptions options, CancellationToken ct)
    : IEntityVisitor<Task<AggregateResult>>
{
    private readonly Dictionary<char, int> _used = [];

    public async Task<AggregateResult> Visit<T>(EntityDef<T> entity) where T : class, new()
    {
        IQueryable<T> rows = sources.AggregateRows(entity);
        if (new FilterCompiler(sources, protectedAggregate: plan.Protected, asOf: request.AsOf).Compile(entity, request.Where) is { } filter)
        {
            rows = rows.Where(filter);
        }

        // GROUP BY new AggregateKey { S0 = key0(x), ... }
        var keySlots = plan.Keys.Select(k => Next(k.Kind switch { KeyKind.Text => 'S', KeyKind.Int or KeyKind.Month => 'I', KeyKind.Date => 'D', _ => 'B' }))
            .ToList();
        var x = Expression.Parameter(typeof(T), "x");
        var keyValues = plan.Keys.Select(k => Shadow(entity, x, k.Field, k.Build(x, sources))).ToList();
        var keyBindings = keyValues.Select((value, i) => Bind(typeof(AggregateKey), keySlots[i], value)).ToList();
        if (keyBindings.Count == 0)
        {
            keyBindings.Add(Bind(typeof(AggregateKey), "I0", Expression.Constant(0)));
        }
        var keySelector = Expression.Lambda<Func<T, AggregateKey>>(Expression.MemberInit(Expression.New(typeof(AggregateKey)), keyBindings), x);
        var grouped = rows.GroupBy(keySelector);

        var g = Expression.Parameter(typeof(IGrouping<AggregateKey, T>), "g");
        var rowBindings = keySlots.Select(slot => (MemberBinding)Expression.Bind(typeof(AggregateRow).GetProperty(slot)!,
            Expression.Property(Expression.Property(g, "Key"), slot))).ToList();

        return plan.Protected
            ? await RunProtected(entity, grouped, g, rowBindings, keySlots)
            : await RunPlain(entity, grouped, g, rowBindings, keySlots, new RowSource<T>(rows, x, keyValues));
    }

    /// <summary>The filtered rows and the key expressions of the GROUP BY, for the percentile query to read the same rows and keys.</summary>
    private sealed record RowSource<T>(IQueryable<T> Rows, ParameterExpression Row, List<Expression> KeyValues);

    private async Task<AggregateResult> RunPlain<T>(EntityDef<T> entity, IQueryable<IGrouping<AggregateKey, T>> grouped, ParameterExpression g,
        List<MemberBinding> rowBindings, List<string> keySlots, RowSource<T> source) where T : class, new()
    {
        var inSql = plan.Measures.Where(m => m.Percentile is null).ToList();
        var measureSlots = inSql.ToDictionary(m => m.Id, m => Next(m.IsDouble ? 'F' : 'N'));
        CheckCapacity();
        foreach (var measure in inSql)
        {
            rowBindings.Add(Bind(typeof(AggregateRow), measureSlots[measure.Id], Measure(entity, g, measure)));
        }
        var result = grouped.Select(Selector<T>(g, rowBindings));

        // HAVING on the projected measures.
        var r = Expression.Parameter(typeof(AggregateRow), "r");
        Expression Slot(string name) => Expression.Property(r, name);
        if (request.Having.Count > 0)
        {
            Expression body = Expression.Constant(true);
            foreach (var h in request.Having)
            {
                var measure = plan.Measures.First(m => m.Id == h.Measure);
                var left = Expression.Convert(Slot(measureSlots[measure.Id]), typeof(double?));
                var value = Math.Round(h.Value * measure.StoredScale, 6);
                var right = Expression.Convert(Exprs.Value(value, typeof(double)), typeof(double?));
                body = Expression.AndAlso(body, h.Operator switch
                {
                    "eq" => Expression.Equal(left, right),
                    "neq" => Expression.NotEqual(left, right),
                    "gt" => Expression.GreaterThan(left, right),
                    "gte" => Expression.GreaterThanOrEqual(left, right),
                    "lt" => Expression.LessThan(left, right),
                    _ => Expression.LessThanOrEqual(left, right),
                });
            }
            result = result.Where(Expression.Lambda<Func<AggregateRow, bool>>(body, r));
        }

        // ORDER BY the terms asked for, then every key ascending (a total order), then LIMIT.
        var terms = new List<(Expression Expr, bool Desc)>();
        foreach (var o in request.Order)
        {
            terms.Add(o.Key is not null
                ? (Slot(keySlots[plan.Keys.ToList().FindIndex(k => k.Id == o.Key)]), o.Descending)
                : (Slot(measureSlots[o.Measure!]), o.Descending));
        }
        terms.AddRange(keySlots.Select(slot => (Slot(slot), false)));
        IOrderedQueryable<AggregateRow>? ordered = null;
        foreach (var (expr, desc) in terms)
        {
            ordered = ApplyOrder(ordered ?? result, ordered is null, expr, r, desc);
        }
        var list = await (ordered ?? result).Take(plan.First).ToListAsync(ct);

        var percentiles = plan.Measures.Any(m => m.Percentile is not null) && list.Count > 0
            ? await PercentileValues(entity, source, keySlots)
            : null;
        var groups = list.Select(row =>
        {
            var measures = inSql.ToDictionary(m => m.Id, m => MeasureOutputValue(m, Read(row, measureSlots[m.Id])), StringComparer.Ordinal);
            if (percentiles is not null)
            {
                var values = percentiles.GetValueOrDefault(GroupOf(row, keySlots));
                foreach (var m in plan.Measures.Where(m => m.Percentile is not null))
                {
                    var field = values?.GetValueOrDefault(m.Field!.Name);
                    measures[m.Id] = MeasureOutputValue(m, field is null ? null : Percentiles.Cont(field, m.Percentile!.Value));
                }
            }
            return new AggregateGroup { Keys = KeyValues(row, keySlots), Measures = measures };
        }).ToList();
        return new AggregateResult { Keys = plan.Keys, Measures = plan.Measures, Groups = groups };
    }

    private async Task<AggregateResult> RunProtected<T>(EntityDef<T> entity, IQueryable<IGrouping<AggregateKey, T>> grouped, ParameterExpression g,
        List<MemberBinding> rowBindings, List<string> keySlots) where T : class, new()
    {
        var parts = new ProtectedParts();
        var m = Expression.Parameter(typeof(T), "m");
        var recordKey = Expression.Convert(Expression.Property(m, entity.RecordKey!), typeof(long?));
        string Add(Expression value)
        {
            var slot = Next('N');
            rowBindings.Add(Bind(typeof(AggregateRow), slot, value));
            return slot;
        }
        string Count(LambdaExpression? where) => Add(where is null ? Call(nameof(Enumerable.Count), [typeof(T)], g) : Call(nameof(Enumerable.Count),
            [typeof(T)], g, where));
        string KeySum(LambdaExpression? where)
        {
            // SUM(CASE WHEN where THEN record_key ELSE 0 END): the cell key of exactly the records counted.
            Expression body = where is null ? recordKey
                : Expression.Condition(new ParameterSwap(where.Parameters[0], m).Visit(where.Body), recordKey, Expression.Constant(0L, typeof(long?)));
            return Add(Call(nameof(Enumerable.Sum), [typeof(T)], g, Expression.Lambda(body, m)));
        }
        SumParts Sum(LambdaExpression selector) => new(
            Add(Call(nameof(Enumerable.Sum), [typeof(T)], g, selector)),
            Add(Call(nameof(Enumerable.Max), [typeof(T)], g, selector)),
            Add(Call(nameof(Enumerable.Min), [typeof(T)], g, selector)));

        parts.Rows = new CountParts(Count(null), KeySum(null));
        parts.Households = Add(CellSize(entity, g));
        foreach (var measure in plan.Measures)
        {
            LambdaExpression FieldSelector() => Expression.Lambda(Expression.Convert(Shadow(entity, m, measure.Field!,
                Expression.Property(m, measure.Field!.Property)), typeof(long?)), m);
            switch (measure.Op)
            {
                case MeasureOp.Count:
                    break;
                case MeasureOp.CountDistinct:
                    // Distinct households are the cell size: one perturbed value, so a shown group never reads below k.
                    parts.Distinct[measure.Id] = measure.Field == HouseholdField(entity) ? parts.Households : Add(CountDistinct(entity, g, measure.Field!));
                    break;
                case MeasureOp.Sum:
                    parts.Sums[measure.Id] = Sum(FieldSelector());
                    break;
                case MeasureOp.Avg:
                    parts.Sums[measure.Id] = Sum(FieldSelector());
                    var notNull = Expression.Lambda(Expression.NotEqual(FieldSelector().Body, Expression.Constant(null, typeof(long?))), m);
                    parts.Distinct[measure.Id] = Add(Call(nameof(Enumerable.Count), [typeof(T)], g, notNull));
                    break;
                default:
                    var root = ShadowDerived(entity, measure, measure.Derived!(sources));
                    parts.Roots[measure.Id] = root;
                    Collect(root);
                    break;
            }
        }
        void Collect(GroupAgg agg)
        {
            if (parts.Derived.ContainsKey(agg))
            {
                return;
            }
            switch (agg)
            {
                case CountOf c:
                    parts.Derived[agg] = new CountParts(Count(c.Where), KeySum(c.Where));
                    break;
                case SumOf s:
                    parts.Derived[agg] = Sum(s.Selector);
                    break;
                case RatioOf ratio:
                    Collect(ratio.Numerator);
                    Collect(ratio.Denominator);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown aggregate {agg}.");
            }
        }
        CheckCapacity();

        // Every group is read (bounded): conditions and order apply to the perturbed values, in ProtectedCells.
        var list = await grouped.Select(Selector<T>(g, rowBindings)).Take(options.MaxProtectedGroups + 1).ToListAsync(ct);
        if (list.Count > options.MaxProtectedGroups)
        {
            throw new QueryException(ErrorCodes.ProtectedAggregate,
                $"The grouping forms more than {options.MaxProtectedGroups} groups; group by fewer keys or filter to fewer rows.");
        }
        return new ProtectedCells(request, plan, options).Finish(list, row => KeyValues(row, keySlots), parts);
    }

    /// <summary>
    /// The second, bounded query of a request with percentiles: the same filtered rows as the GROUP BY (same scope,
    /// same <c>where</c>, the same shadowed keys and values), read as (key values, field values) and gathered per group
    /// and field, sorted ascending without nulls. Reading values rather than using a database percentile function keeps
    /// one definition on SQLite and SQL Server (see <see cref="Percentiles"/>).
    /// </summary>
    private async Task<Dictionary<string, Dictionary<string, List<long>>>> PercentileValues<T>(EntityDef<T> entity, RowSource<T> source, List<string> keySlots)
        where T : class, new()
    {
        var fields = plan.Measures.Where(m => m.Percentile is not null).Select(m => m.Field!).Distinct().ToList();
        if (fields.Count > AggregateRow.LongCapacity)
        {
            throw new QueryException(ErrorCodes.InvalidValue, "Too many fields with percentiles in one request.");
        }
        var x = source.Row;
        var bindings = keySlots.Select((slot, i) => Bind(typeof(AggregateRow), slot, source.KeyValues[i])).ToList();
        var valueSlots = new List<string>();
        Expression anyValue = Expression.Constant(false);
        for (var i = 0; i < fields.Count; i++)
        {
            var value = Expression.Convert(Shadow(entity, x, fields[i], Expression.Property(x, fields[i].Property)), typeof(long?));
            // Keys sit in S/I/D/B slots, values in N slots: the slot kinds are separate, so they never clash.
            var slot = "N" + i.ToString(CultureInfo.InvariantCulture);
            valueSlots.Add(slot);
            bindings.Add(Bind(typeof(AggregateRow), slot, value));
            anyValue = Expression.OrElse(anyValue, Expression.NotEqual(value, Expression.Constant(null, typeof(long?))));
        }
        var pairs = source.Rows.Where(Expression.Lambda<Func<T, bool>>(anyValue, x))
            .Select(Expression.Lambda<Func<T, AggregateRow>>(Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings), x));
        // Take one more than allowed, to know the bound was passed without counting the rest.
        var read = await pairs.Take(options.MaxPercentileRows + 1).ToListAsync(ct);
        if (read.Count > options.MaxPercentileRows)
        {
            throw new QueryException(ErrorCodes.InvalidValue,
                $"Percentiles read each value: more than {options.MaxPercentileRows} rows have one here; filter to fewer rows or ask for avg, min " +
                    $"and max instead.");
        }
        var groups = new Dictionary<string, Dictionary<string, List<long>>>(StringComparer.Ordinal);
        foreach (var row in read)
        {
            var group = groups.TryGetValue(GroupOf(row, keySlots), out var g) ? g : groups[GroupOf(row, keySlots)] = new(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                if (Read(row, valueSlots[i]) is long v)
                {
                    (group.TryGetValue(fields[i].Name, out var list) ? list : group[fields[i].Name] = []).Add(v);
                }
            }
        }
        foreach (var list in groups.Values.SelectMany(d => d.Values))
        {
            list.Sort();
        }
        return groups;
    }

    /// <summary>
    /// A group's identity from its key slots, to match the percentile rows to the GROUP BY's groups. Values compare
    /// ordinally: the keys are codes, vocabulary values, numbers, dates and booleans, read identically by both queries.
    /// </summary>
    private static string GroupOf(AggregateRow row, List<string> keySlots) =>
        string.Join('\u001f', keySlots.Select(slot => Read(row, slot) switch
        {
            null => "\u0000",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        }));

    private string Next(char kind)
    {
        var n = _used.GetValueOrDefault(kind);
        _used[kind] = n + 1;
        return $"{kind}{n.ToString(CultureInfo.InvariantCulture)}";
    }

    private void CheckCapacity()
    {
        if (_used.GetValueOrDefault('N') > AggregateRow.LongCapacity || _used.GetValueOrDefault('F') > AggregateRow.DoubleCapacity)
        {
            throw new QueryException(ErrorCodes.InvalidValue, "Too many measures in one request.");
        }
    }

    private Dictionary<string, object?> KeyValues(AggregateRow row, List<string> keySlots)
    {
        var keys = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Keys.Count; i++)
        {
            keys[plan.Keys[i].Id] = KeyOutput(plan.Keys[i], Read(row, keySlots[i]));
        }
        return keys;
    }

    internal static object? Read(AggregateRow row, string slot) => typeof(AggregateRow).GetProperty(slot)!.GetValue(row);

    private static Expression<Func<IGrouping<AggregateKey, T>, AggregateRow>> Selector<T>(ParameterExpression g, List<MemberBinding> bindings) =>
        Expression.Lambda<Func<IGrouping<AggregateKey, T>, AggregateRow>>(Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings), g);

    private Expression Measure<T>(EntityDef<T> entity, ParameterExpression g, MeasureDef measure) where T : class, new()
    {
        var x = Expression.Parameter(typeof(T), "m");
        Expression FieldValue(Type to) => Expression.Convert(Shadow(entity, x, measure.Field!, Expression.Property(x, measure.Field!.Property)), to);
        return measure.Op switch
        {
            MeasureOp.Count => Call(nameof(Enumerable.Count), [typeof(T)], g),
            MeasureOp.CountDistinct => CountDistinct(entity, g, measure.Field!),
            MeasureOp.Sum => Call(nameof(Enumerable.Sum), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(long?)), x)),
            MeasureOp.Avg => Call(nameof(Enumerable.Average), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(double?)), x)),
            MeasureOp.Min => Call(nameof(Enumerable.Min), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(long?)), x)),
            MeasureOp.Max => Call(nameof(Enumerable.Max), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(long?)), x)),
            _ => Derived<T>(g, ShadowDerived(entity, measure, measure.Derived!(sources))),
        };
    }

    /// <summary>
    /// Whether this reader reads minors' records of the entity masked (the township): then every key, measure and
    /// named-measure condition that reads a covered field sees null on a minor's row, exactly as the row reads in a
    /// list, so no aggregate shows what the row withholds.
    /// </summary>
    private bool Shadowing(EntityDef entity) =>
        entity.Minors is not null && sources.Access.MinorGrant(entity).Access == Catalogue.Access.Masked;

    /// <summary>CASE WHEN the row is not a minor's THEN value END, for a covered field of a shadowed entity.</summary>
    private Expression Shadow(EntityDef entity, ParameterExpression x, FieldDef field, Expression value)
    {
        if (!Shadowing(entity) || !MinorRule.Covers(field))
        {
            return value;
        }
        var type = Exprs.Nullable(value.Type);
        return Expression.Condition(Security.MinorRecords.Adult(entity, x, sources.Access), Expression.Convert(value, type), Expression.Constant(null, type));
    }

    /// <summary>A named measure that reads covered fields counts and sums only the rows that are not minors' (the rest read as null).</summary>
    private GroupAgg ShadowDerived(EntityDef entity, MeasureDef measure, GroupAgg agg)
    {
        if (!Shadowing(entity) || !measure.DependsOn.Any(MinorRule.Covers))
        {
            return agg;
        }
        GroupAgg Rewrite(GroupAgg a) => a switch
        {
            CountOf { Where: null } => a,
            CountOf c => new CountOf(Lambda(c.Where, body => Expression.AndAlso(Security.MinorRecords.Adult(entity, c.Where.Parameters[0], sources.Access),
                body))),
            SumOf s => new SumOf(Lambda(s.Selector, body => Expression.Condition(Security.MinorRecords.Adult(entity, s.Selector.Parameters[0], sources.Access),
                body, Expression.Constant(null, body.Type)))),
            RatioOf r => new RatioOf(Rewrite(r.Numerator), Rewrite(r.Denominator), r.Scale),
            _ => a,
        };
        static LambdaExpression Lambda(LambdaExpression lambda, Func<Expression, Expression> body) => Expression.Lambda(body(lambda.Body), lambda.Parameters);
        return Rewrite(agg);
    }

    private static Expression Derived<T>(ParameterExpression g, GroupAgg agg) => agg switch
    {
        CountOf { Where: null } => Call(nameof(Enumerable.Count), [typeof(T)], g),
        CountOf c => Call(nameof(Enumerable.Count), [typeof(T)], g, c.Where),
        SumOf s => Call(nameof(Enumerable.Sum), [typeof(T)], g, s.Selector),
        RatioOf ratio => Ratio(Derived<T>(g, ratio.Numerator), Derived<T>(g, ratio.Denominator), ratio.Scale),
        _ => throw new InvalidOperationException($"Unknown aggregate {agg}."),
    };

    private static ConditionalExpression Ratio(Expression numerator, Expression denominator, double scale)
    {
        var num = Expression.Convert(numerator, typeof(double?));
        var den = Expression.Convert(denominator, typeof(double?));
        var quotient = Expression.Divide(scale == 1 ? num : Expression.Multiply(num, Expression.Constant(scale, typeof(double?))), den);
        return Expression.Condition(Expression.Equal(den, Expression.Constant(0d, typeof(double?))), Expression.Constant(null, typeof(double?)), quotient);
    }

    private MethodCallExpression CountDistinct<T>(EntityDef<T> entity, ParameterExpression g, FieldDef field) where T : class, new()
    {
        var x = Expression.Parameter(typeof(T), "d");
        var value = Shadow(entity, x, field, Expression.Property(x, field.Property));
        var select = Call(nameof(Enumerable.Select), [typeof(T), value.Type], g, Expression.Lambda(value, x));
        var distinct = Call(nameof(Enumerable.Distinct), [value.Type], select);
        return Call(nameof(Enumerable.Count), [value.Type], distinct);
    }

    /// <summary>Distinct households in the group (rows, for entities without a household).</summary>
    private MethodCallExpression CellSize<T>(EntityDef<T> entity, ParameterExpression g) where T : class, new()
    {
        var household = HouseholdField(entity);
        return household is null ? Call(nameof(Enumerable.Count), [typeof(T)], g) : CountDistinct(entity, g, household);
    }

    private static FieldDef? HouseholdField(EntityDef entity) =>
        entity.TypeName == "Household" ? entity.Key : entity.Fields.FirstOrDefault(f => f.Property.Name == "HouseholdId");

    private static IOrderedQueryable<AggregateRow> ApplyOrder(IQueryable<AggregateRow> source, bool first, Expression body, ParameterExpression r, bool desc)
    {
        var name = first ? desc ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy)
                         : desc ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy);
        var method = typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(AggregateRow), body.Type);
        return (IOrderedQueryable<AggregateRow>)source.Provider.CreateQuery<AggregateRow>(
            Expression.Call(method, source.Expression, Expression.Quote(Expression.Lambda(body, r))));
    }

    /// <summary>Replaces a lambda's parameter, to inline a predicate into another lambda.</summary>
    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
