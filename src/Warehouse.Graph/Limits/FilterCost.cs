using System.Collections;
using System.Globalization;
using Warehouse.Catalogue;

namespace Warehouse.Limits;

/// <summary>
/// What a <c>where</c> filter costs before it runs, in row tests: the filter is evaluated on every row the list
/// scans, and every relation it follows is a correlated subquery evaluated per row of the level above.
/// <code>
/// perRow(filter)      = Σ over its entries of
///                         field condition          : one per operator (eq, contains, in …)
///                         and / or [items]         : Σ perRow(item)
///                         not                      : perRow(inner)
///                         single relation  {f}     : 1 + perRow(f)                      (one keyed probe)
///                         list relation some/none/all {f} : fanOut × (link + perRow(f))  (link = 1, or 2 through a link table)
///                         list relation any        : 1                                  (one existence probe)
/// cost(list field)    = rows scanned × perRow(where)
///                         rows scanned = ScannedRows for a root list (the filter runs over the whole scope, whatever first is),
///                                        parent rows × ListFanOut for a nested list
/// </code>
/// So each relation hop multiplies, and a hop over a list multiplies by the rows it scans.
/// </summary>
internal static class FilterCost
{
    /// <summary>Deeper than any filter the compiler accepts (it stops at 12): deeper is unbounded.</summary>
    private const int MaxDepth = 64;

    /// <summary>Estimated row tests for one row of <paramref name="entity"/>; positive infinity when absurd.</summary>
    public static double PerRow(EntityDef entity, object? where, int fanOut) => PerRow(entity, where, fanOut, 0);

    /// <summary>The refusal for a filter over a root list (a graph root field or an export), or null when it is within the role's limit.</summary>
    public static string? Refusal(EntityDef entity, object? where, LimitsOptions limits, string role)
    {
        if (!Priced(where))
        {
            return null;
        }
        var cost = limits.ScannedRows * PerRow(entity, where, limits.ListFanOut);
        return cost > limits.MaxFilterCost ? Message(entity.ListField, cost, limits, role) : null;
    }

    /// <summary>
    /// False for a filter with more conditions than the filter compiler accepts: the compiler refuses it, before any
    /// SQL, with the more precise INVALID_FILTER ("more than 200 conditions"), so it is not priced here. The count
    /// follows the compiler's (operators of a field or relation, items of and/or), stopping as soon as it is over.
    /// </summary>
    public static bool Priced(object? where)
    {
        var count = 0;
        return Count(where, ref count, 0);
    }

    private static bool Count(object? where, ref int count, int depth)
    {
        if (where is not IDictionary<string, object?> entries || depth > MaxDepth)
        {
            return true;
        }
        foreach (var (name, value) in entries)
        {
            if (name is "and" or "or" && value is IEnumerable items and not string and not IDictionary)
            {
                foreach (var item in items)
                {
                    count++;
                    if (count > Warehouse.Querying.FilterLimits.MaxConditions || !Count(item, ref count, depth + 1))
                    {
                        return false;
                    }
                }
                continue;
            }
            if (name == "not")
            {
                if (!Count(value, ref count, depth + 1))
                {
                    return false;
                }
                continue;
            }
            count += value is IDictionary<string, object?> operators ? Math.Max(1, operators.Count) : 1;
            foreach (var inner in (value as IDictionary<string, object?>)?.Values ?? [])
            {
                if (count > Warehouse.Querying.FilterLimits.MaxConditions || !Count(inner, ref count, depth + 1))
                {
                    return false;
                }
            }
            if (count > Warehouse.Querying.FilterLimits.MaxConditions)
            {
                return false;
            }
        }
        return true;
    }

    public static string Message(string field, double cost, LimitsOptions limits, string role) =>
        $"The filter on {field} would cost about {Format(cost)} row tests (rows scanned × conditions, each relation hop multiplied by the rows it scans); " +
        $"role {role} may spend at most {Format(limits.MaxFilterCost)}. Follow fewer relations or use fewer conditions per relation.";

    private static string Format(double value) =>
        double.IsInfinity(value) ? "unbounded" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static double PerRow(EntityDef entity, object? where, int fanOut, int depth)
    {
        if (where is not IDictionary<string, object?> entries)
        {
            return 0;
        }
        if (depth > MaxDepth)
        {
            return double.PositiveInfinity;
        }
        double cost = 0;
        foreach (var (name, value) in entries)
        {
            cost += name switch
            {
                "and" or "or" => value is IEnumerable items and not string and not IDictionary
                    ? items.Cast<object?>().Sum(item => PerRow(entity, item, fanOut, depth + 1))
                    : 1,
                "not" => PerRow(entity, value, fanOut, depth + 1),
                _ when entity.Relation(name) is { } relation => Relation(relation, value, fanOut, depth),
                _ => value is IDictionary<string, object?> operators ? Math.Max(1, operators.Count) : 1,
            };
        }
        return cost;
    }

    private static double Relation(RelationDef relation, object? value, int fanOut, int depth)
    {
        if (!relation.IsList)
        {
            return 1 + PerRow(relation.Target, value, fanOut, depth + 1);
        }
        if (value is not IDictionary<string, object?> operators)
        {
            return 1;
        }
        var link = relation.Via is null ? 1 : 2;
        double cost = 0;
        foreach (var (op, inner) in operators)
        {
            cost += op == "any" ? 1 : (double)fanOut * (link + PerRow(relation.Target, inner, fanOut, depth + 1));
        }
        return cost;
    }
}
