using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Aggregation;

/// <summary>
/// Runs a grouped aggregate as ONE SQL statement with one GROUP BY. The rows come from
/// <see cref="QuerySources.Scoped{T}"/> filtered by the same <see cref="FilterCompiler"/> as the lists, so scope
/// and <c>where</c> are identical by construction. Keys and measures are bound to the fixed typed slots of
/// <see cref="AggregateKey"/>/<see cref="AggregateRow"/>, which keeps the query an ordinary LINQ
/// GroupBy/Select/Where/OrderBy/Take that EF Core translates and parameterises on SQLite and SQL Server alike:
/// identifiers come only from the catalogue's EF mapping and every value is a parameter.
/// </summary>
public sealed class AggregateEngine(IDbContextFactory<WarehouseDbContext> contexts, AggregationOptions options)
{
    public const int MaxKeys = AggregateKey.Capacity;

    public AggregationOptions Options { get; } = options;

    public async Task<AggregateResult> RunAsync(AccessContext access, AggregateRequest request, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = Plan(access, request);
        return await request.Entity.Accept(new Runner(new QuerySources(db, access, aggregating: true), request, plan, Options, ct));
    }

    /// <summary>Resolves ids to definitions and checks every field's permission before any SQL is built.</summary>
    public AggregatePlan Plan(AccessContext access, AggregateRequest request)
    {
        var defs = AggregateCatalogue.For(request.Entity);
        if (request.GroupBy.Count > MaxKeys)
        {
            throw new QueryException(ErrorCodes.InvalidValue, $"groupBy: at most {MaxKeys} keys.");
        }
        var keys = new List<GroupKeyDef>();
        foreach (var id in request.GroupBy)
        {
            var key = defs.Key(id) ?? throw new QueryException(ErrorCodes.InvalidValue, $"groupBy: {request.Entity.TypeName} has no grouping key {id}.");
            if (keys.Contains(key))
            {
                throw new QueryException(ErrorCodes.InvalidValue, $"groupBy: {id} is named twice.");
            }
            AggregatePermissions.Require(access, key.Field, "groupBy");
            keys.Add(key);
        }
        var measureIds = request.Measures.Concat(request.Having.Select(h => h.Measure))
            .Concat(request.Order.Where(o => o.Measure is not null).Select(o => o.Measure!)).Distinct().ToList();
        var measures = new List<MeasureDef>();
        foreach (var id in measureIds)
        {
            var measure = defs.Measure(id) ?? throw new QueryException(ErrorCodes.InvalidValue, $"{request.Entity.TypeName} has no measure {id}.");
            foreach (var field in measure.DependsOn)
            {
                AggregatePermissions.Require(access, field, "aggregates");
            }
            measures.Add(measure);
        }
        foreach (var order in request.Order)
        {
            if ((order.Key is null) == (order.Measure is null))
            {
                throw new QueryException(ErrorCodes.InvalidOrder, "order: name exactly one of key or measure per term.");
            }
            if (order.Key is not null && !keys.Any(k => k.Id == order.Key))
            {
                throw new QueryException(ErrorCodes.InvalidOrder, $"order: {order.Key} is not one of the groupBy keys.");
            }
        }
        foreach (var having in request.Having)
        {
            if (having.Operator is not ("eq" or "neq" or "gt" or "gte" or "lt" or "lte") || double.IsNaN(having.Value) || double.IsInfinity(having.Value))
            {
                throw new QueryException(ErrorCodes.InvalidFilter, $"having: {having.Operator} {having.Value} is not a valid comparison.");
            }
        }
        var first = request.First ?? Options.DefaultGroups;
        if (first < 1 || first > Options.MaxGroups)
        {
            throw new QueryException(ErrorCodes.InvalidPaging, $"first must be between 1 and {Options.MaxGroups}.");
        }
        // Small cells are suppressed when an aggregate-only field is used, and whenever the rows include records the
        // reader may not read in full one by one (minors' records for the county and the township): otherwise a
        // group of one could show what the row itself withholds.
        var suppress = keys.Any(k => AggregatePermissions.IsAggregateOnly(access.GrantFor(k.Field)))
                       || measures.SelectMany(m => m.DependsOn).Any(f => AggregatePermissions.IsAggregateOnly(access.GrantFor(f)))
                       || request.Entity.Minors is not null && access.MinorGrant(request.Entity).Access != Catalogue.Access.Full;
        return new AggregatePlan(keys, measures, first, suppress);
    }

    private sealed class Runner(QuerySources sources, AggregateRequest request, AggregatePlan plan, AggregationOptions options, CancellationToken ct)
        : IEntityVisitor<Task<AggregateResult>>
    {
        public async Task<AggregateResult> Visit<T>(EntityDef<T> entity) where T : class, new()
        {
            IQueryable<T> rows = sources.Scoped(entity);
            if (new FilterCompiler(sources).Compile(entity, request.Where) is { } filter)
            {
                rows = rows.Where(filter);
            }

            // Slots: each key gets one of its kind; each measure a long or double slot; the cell size one more long.
            var keySlots = new List<string>();
            var used = new Dictionary<char, int>();
            string Next(char kind)
            {
                var n = used.GetValueOrDefault(kind);
                used[kind] = n + 1;
                return $"{kind}{n.ToString(CultureInfo.InvariantCulture)}";
            }
            foreach (var key in plan.Keys)
            {
                keySlots.Add(Next(key.Kind switch { KeyKind.Text => 'S', KeyKind.Int or KeyKind.Month => 'I', KeyKind.Date => 'D', _ => 'B' }));
            }
            var measureSlots = plan.Measures.ToDictionary(m => m.Id, m => Next(m.IsDouble ? 'F' : 'N'));
            var cellSlot = plan.Suppress ? Next('N') : null;
            if (used.GetValueOrDefault('N') > AggregateRow.LongCapacity || used.GetValueOrDefault('F') > AggregateRow.DoubleCapacity)
            {
                throw new QueryException(ErrorCodes.InvalidValue, "Too many measures in one request.");
            }

            // GROUP BY new AggregateKey { S0 = key0(x), ... }
            var x = Expression.Parameter(typeof(T), "x");
            var keyBindings = plan.Keys.Select((k, i) => Bind(typeof(AggregateKey), keySlots[i], k.Build(x, sources))).ToList();
            if (keyBindings.Count == 0)
            {
                keyBindings.Add(Bind(typeof(AggregateKey), "I0", Expression.Constant(0)));
            }
            var keySelector = Expression.Lambda<Func<T, AggregateKey>>(Expression.MemberInit(Expression.New(typeof(AggregateKey)), keyBindings), x);
            var grouped = rows.GroupBy(keySelector);

            // SELECT new AggregateRow { S0 = g.Key.S0, ..., N0 = COUNT(*), ... }
            var g = Expression.Parameter(typeof(IGrouping<AggregateKey, T>), "g");
            var rowBindings = new List<MemberBinding>();
            foreach (var slot in keySlots)
            {
                rowBindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(slot)!, Expression.Property(Expression.Property(g, "Key"), slot)));
            }
            foreach (var measure in plan.Measures)
            {
                rowBindings.Add(Bind(typeof(AggregateRow), measureSlots[measure.Id], Measure<T>(g, measure)));
            }
            if (cellSlot is not null)
            {
                rowBindings.Add(Bind(typeof(AggregateRow), cellSlot, CellSize<T>(entity, g)));
            }
            var selector = Expression.Lambda<Func<IGrouping<AggregateKey, T>, AggregateRow>>(
                Expression.MemberInit(Expression.New(typeof(AggregateRow)), rowBindings), g);
            var result = grouped.Select(selector);

            // HAVING (on the projected measures; small cells never pass a condition when suppression applies).
            var r = Expression.Parameter(typeof(AggregateRow), "r");
            Expression Slot(string name) => Expression.Property(r, name);
            Expression? cellOk = cellSlot is null ? null
                : Expression.GreaterThanOrEqual(Slot(cellSlot), Expression.Convert(Exprs.Value((long)options.MinCellSize, typeof(long)), typeof(long?)));
            if (request.Having.Count > 0)
            {
                Expression body = cellOk ?? Expression.Constant(true);
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
                if (o.Key is not null)
                {
                    terms.Add((Slot(keySlots[plan.Keys.ToList().FindIndex(k => k.Id == o.Key)]), o.Descending));
                    continue;
                }
                var slot = Slot(measureSlots[o.Measure!]);
                // A suppressed cell sorts as if its measure were null, so its rank reveals nothing.
                terms.Add((cellOk is null ? slot : Expression.Condition(cellOk, slot, Expression.Constant(null, slot.Type)), o.Descending));
            }
            foreach (var slot in keySlots)
            {
                terms.Add((Slot(slot), false));
            }
            IOrderedQueryable<AggregateRow>? ordered = null;
            foreach (var (expr, desc) in terms)
            {
                ordered = ApplyOrder(ordered ?? (IQueryable<AggregateRow>)result, ordered is null, expr, r, desc);
            }
            var limited = (ordered ?? result).Take(plan.First);
            var list = await limited.ToListAsync(ct);

            var groups = list.Select(row =>
            {
                var suppressed = cellSlot is not null && (Read<long?>(row, cellSlot) ?? 0) < options.MinCellSize;
                var keys = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < plan.Keys.Count; i++)
                {
                    keys[plan.Keys[i].Id] = KeyOutput(plan.Keys[i], typeof(AggregateRow).GetProperty(keySlots[i])!.GetValue(row));
                }
                var measures = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var m in plan.Measures)
                {
                    measures[m.Id] = suppressed ? null : MeasureOutputValue(m, typeof(AggregateRow).GetProperty(measureSlots[m.Id])!.GetValue(row));
                }
                return new AggregateGroup { Keys = keys, Measures = measures, Suppressed = suppressed };
            }).ToList();
            return new AggregateResult { Keys = plan.Keys, Measures = plan.Measures, Groups = groups, SuppressionApplies = plan.Suppress };
        }

        private Expression Measure<T>(ParameterExpression g, MeasureDef measure) where T : class, new()
        {
            var x = Expression.Parameter(typeof(T), "m");
            Expression FieldValue(Type to) => Expression.Convert(Expression.Property(x, measure.Field!.Property), to);
            return measure.Op switch
            {
                MeasureOp.Count => Call(nameof(Enumerable.Count), [typeof(T)], g),
                MeasureOp.CountDistinct => CountDistinct<T>(g, measure.Field!),
                MeasureOp.Sum => Call(nameof(Enumerable.Sum), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(long?)), x)),
                MeasureOp.Avg => Call(nameof(Enumerable.Average), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(double?)), x)),
                MeasureOp.Min => Call(nameof(Enumerable.Min), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(long?)), x)),
                MeasureOp.Max => Call(nameof(Enumerable.Max), [typeof(T)], g, Expression.Lambda(FieldValue(typeof(long?)), x)),
                _ => Derived<T>(g, measure.Derived!(sources)),
            };
        }

        private static Expression Derived<T>(ParameterExpression g, GroupAgg agg) => agg switch
        {
            CountOf { Where: null } => Call(nameof(Enumerable.Count), [typeof(T)], g),
            CountOf c => Call(nameof(Enumerable.Count), [typeof(T)], g, c.Where),
            SumOf s => Call(nameof(Enumerable.Sum), [typeof(T)], g, s.Selector),
            RatioOf ratio => Ratio(Derived<T>(g, ratio.Numerator), Derived<T>(g, ratio.Denominator), ratio.Scale),
            _ => throw new InvalidOperationException($"Unknown aggregate {agg}."),
        };

        private static Expression Ratio(Expression numerator, Expression denominator, double scale)
        {
            var num = Expression.Convert(numerator, typeof(double?));
            var den = Expression.Convert(denominator, typeof(double?));
            var quotient = Expression.Divide(scale == 1 ? num : Expression.Multiply(num, Expression.Constant(scale, typeof(double?))), den);
            return Expression.Condition(Expression.Equal(den, Expression.Constant(0d, typeof(double?))), Expression.Constant(null, typeof(double?)), quotient);
        }

        private static Expression CountDistinct<T>(ParameterExpression g, FieldDef field)
        {
            var x = Expression.Parameter(typeof(T), "d");
            var select = Call(nameof(Enumerable.Select), [typeof(T), field.Property.PropertyType], g, Expression.Lambda(Expression.Property(x, field.Property), x));
            var distinct = Call(nameof(Enumerable.Distinct), [field.Property.PropertyType], select);
            return Call(nameof(Enumerable.Count), [field.Property.PropertyType], distinct);
        }

        /// <summary>Distinct households in the group (rows, for entities without a household).</summary>
        private static Expression CellSize<T>(EntityDef entity, ParameterExpression g) where T : class, new()
        {
            var household = entity.TypeName == "Household" ? entity.Key : entity.Fields.FirstOrDefault(f => f.Property.Name == "HouseholdId");
            return household is null ? Call(nameof(Enumerable.Count), [typeof(T)], g) : CountDistinct<T>(g, household);
        }

        private static IOrderedQueryable<AggregateRow> ApplyOrder(IQueryable<AggregateRow> source, bool first, Expression body, ParameterExpression r, bool desc)
        {
            var name = first ? desc ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy)
                             : desc ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy);
            var method = typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(AggregateRow), body.Type);
            return (IOrderedQueryable<AggregateRow>)source.Provider.CreateQuery<AggregateRow>(
                Expression.Call(method, source.Expression, Expression.Quote(Expression.Lambda(body, r))));
        }

        private static T? Read<T>(AggregateRow row, string slot) => (T?)typeof(AggregateRow).GetProperty(slot)!.GetValue(row);
    }

    private static MemberAssignment Bind(Type type, string slot, Expression value)
    {
        var property = type.GetProperty(slot)!;
        return Expression.Bind(property, value.Type == property.PropertyType ? value : Expression.Convert(value, property.PropertyType));
    }

    /// <summary>Enumerable.{name}&lt;types&gt;(args) for the overload whose selector (if any) matches the lambda's return type.</summary>
    private static MethodCallExpression Call(string name, Type[] typeArguments, params Expression[] arguments)
    {
        var method = typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name && m.GetParameters().Length == arguments.Length && m.GetGenericArguments().Length == typeArguments.Length)
            .Select(m => m.MakeGenericMethod(typeArguments))
            .First(m => m.GetParameters().Select(p => p.ParameterType).Zip(arguments, Fits).All(ok => ok));
        return Expression.Call(method, arguments);
    }

    private static bool Fits(Type parameter, Expression argument) =>
        argument is LambdaExpression lambda
            ? parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(Func<,>) && parameter.GetGenericArguments()[1] == lambda.ReturnType
            : parameter.IsAssignableFrom(argument.Type);

    internal static object? KeyOutput(GroupKeyDef key, object? value) => key.Kind switch
    {
        KeyKind.Month when value is int yyyymm => $"{yyyymm / 100:D4}-{yyyymm % 100:D2}",
        _ => value,
    };

    internal static object? MeasureOutputValue(MeasureDef measure, object? value) => measure.Output switch
    {
        MeasureOutput.Money when value is long fen => fen / 100m,
        MeasureOutput.Number when value is long n => (decimal)n,
        MeasureOutput.MoneyAverage when value is double d => d / 100,
        _ => value,
    };
}

/// <summary>A checked request: definitions, limit, and whether small-cell suppression applies.</summary>
public sealed record AggregatePlan(IReadOnlyList<GroupKeyDef> Keys, IReadOnlyList<MeasureDef> Measures, int First, bool Suppress);
