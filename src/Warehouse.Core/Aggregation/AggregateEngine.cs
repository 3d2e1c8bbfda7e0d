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
public sealed class AggregateEngine(ReadContexts contexts, AggregationOptions options)
{
    public const int MaxKeys = AggregateKey.Capacity;

    public AggregationOptions Options { get; } = options;

    public async Task<AggregateResult> RunAsync(AccessContext access, AggregateRequest request, CancellationToken ct)
    {
        await using var db = await contexts.CreateAsync(ct);
        var plan = Plan(access, request);
        return await request.Entity.Accept(new AggregateQuery(new QuerySources(db, access), request, plan, Options, ct));
    }

    /// <summary>Resolves ids to definitions and checks every field's permission before any SQL is built.</summary>
    internal AggregatePlan Plan(AccessContext access, AggregateRequest request)
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
        // Percentiles are computed after the GROUP BY (see AggregateQuery), so SQL cannot filter or order groups by them.
        if (measures.FirstOrDefault(m => m.Percentile is not null && request.Having.Any(h => h.Measure == m.Id)) is { } inHaving)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"having: {inHaving.Id} is a percentile and cannot be a condition on groups.");
        }
        if (measures.FirstOrDefault(m => m.Percentile is not null && request.Order.Any(o => o.Measure == m.Id)) is { } inOrder)
        {
            throw new QueryException(ErrorCodes.InvalidOrder, $"order: {inOrder.Id} is a percentile and cannot order groups.");
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
        var protect = IsProtected(access, request.Entity, keys, measures);
        if (protect)
        {
            RequireProtectable(request.Entity, keys, measures);
        }
        return new AggregatePlan(keys, measures, first, protect);
    }

    /// <summary>
    /// An aggregate is protected when its rows include records the reader may not read one by one (minors' records
    /// and records about minors, for the county and the township) or when it uses a field the reader holds
    /// aggregate-only. Decided from the request and the grants alone, never from the data, so whether noise applies
    /// says nothing about who is in the population.
    /// </summary>
    /// <remarks>
    /// The county does not read minors' records at all, so every aggregate over an entity with the rule counts rows
    /// it cannot read. The township reads them with their personal fields masked or null: its aggregates read those
    /// fields as null on minors' rows too (see <see cref="AggregateQuery"/>), exactly what its lists show, so they
    /// need no protection unless they use an aggregate-only field.
    /// </remarks>
    public static bool IsProtected(AccessContext access, EntityDef entity, IReadOnlyCollection<GroupKeyDef> keys, IReadOnlyCollection<MeasureDef> measures) =>
        entity.Minors is not null && access.MinorGrant(entity).Access == Catalogue.Access.Hidden
        || keys.Select(k => k.Field).Concat(measures.SelectMany(m => m.DependsOn)).Any(f => AggregatePermissions.IsAggregateOnly(access.GrantFor(f)));

    /// <summary>What a protected aggregate may not be asked: identifying keys (a group of one person), min/max and percentiles (one person's value,
    /// or between two).</summary>
    private static void RequireProtectable(EntityDef entity, IEnumerable<GroupKeyDef> keys, IEnumerable<MeasureDef> measures)
    {
        if (entity.RecordKey is null)
        {
            throw new QueryException(ErrorCodes.ProtectedAggregate,
                $"{entity.TypeName} rows carry no record keys, so its aggregates cannot be protected; ask an admin to grant the fields FULL or " +
                    $"HIDDEN instead of aggregate-only.");
        }
        foreach (var key in keys.Where(k => k.Field.IsIdentifying))
        {
            throw new QueryException(ErrorCodes.ProtectedAggregate,
                $"groupBy: {key.Id} identifies a person and cannot group records your role may not read one by one (minors' records, aggregate-only fields).");
        }
        foreach (var measure in measures.Where(m => m.Op is MeasureOp.Min or MeasureOp.Max))
        {
            throw new QueryException(ErrorCodes.ProtectedAggregate,
                $"{measure.Id}: a minimum or maximum is one record's value; it is not given over records your role may not read one by one.");
        }
        foreach (var measure in measures.Where(m => m.Percentile is not null))
        {
            // A percentile is one record's value or an interpolation of two neighbours: noise on it would not hide them.
            throw new QueryException(ErrorCodes.ProtectedAggregate,
                $"{measure.Id}: a median or percentile is one record's value (or between two); it is not given over records your role may not read " +
                    $"one by one.");
        }
    }

    internal static MemberAssignment Bind(Type type, string slot, Expression value)
    {
        var property = type.GetProperty(slot)!;
        return Expression.Bind(property, value.Type == property.PropertyType ? value : Expression.Convert(value, property.PropertyType));
    }

    /// <summary>Enumerable.{name}&lt;types&gt;(args) for the overload whose selector (if any) matches the lambda's return type.</summary>
    internal static MethodCallExpression Call(string name, Type[] typeArguments, params Expression[] arguments)
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

/// <summary>A checked request: definitions, limit, and whether it is protected (cell-key perturbation, groups under k withheld).</summary>
internal sealed record AggregatePlan(IReadOnlyList<GroupKeyDef> Keys, IReadOnlyList<MeasureDef> Measures, int First, bool Protected);
