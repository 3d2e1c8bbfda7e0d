using System.Linq.Expressions;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// Compiles one as-of condition (<see cref="AsOfDef"/>) into comparisons of its stored columns with dates computed
/// here from the as-of date: "aged 16–59" becomes two birth-date bounds, "more than 15 days since the report" a
/// report-date bound. SQL sees parameters only, so both dialects agree and indexes apply.
/// </summary>
internal static class AsOfCompiler
{
    private static readonly string[] CountOperators = ["eq", "gt", "gte", "lt", "lte"];

    public static Expression Compile(AsOfDef condition, ParameterExpression x, IDictionary<string, object?> ops, DateOnly asOf, string path)
    {
        Expression? result = null;
        foreach (var (op, raw) in ops)
        {
            var p = $"{path}.{op}";
            var operand = ValueCoercion.ToAsOfOperand(condition, raw, p);
            var term = condition.IsCount ? Count(condition, x, op, (int)operand, asOf, p) : Flag(condition, x, op, (bool)operand, asOf, p);
            result = result is null ? term : Expression.AndAlso(result, term);
        }
        return result ?? Expression.Constant(true);
    }

    private static Expression Count(AsOfDef c, ParameterExpression x, string op, int n, DateOnly asOf, string path)
    {
        if (!CountOperators.Contains(op))
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: {c.QualifiedName} takes eq, gt, gte, lt and lte.");
        }
        var date = Date(x, c.Start);
        if (c.Kind == AsOfKind.AgeYears)
        {
            // Aged at least n on the as-of date = born on or before as-of − n years; at most n = born after as-of − (n + 1) years.
            Expression AtLeast(int years) => Expression.LessThanOrEqual(date, Day(asOf.AddYears(-Math.Clamp(years, -200, 200))));
            Expression AtMost(int years) => Expression.GreaterThan(date, Day(asOf.AddYears(-Math.Clamp(years + 1, -200, 200))));
            return op switch
            {
                "gte" => AtLeast(n),
                "gt" => AtLeast(n + 1),
                "lte" => AtMost(n),
                "lt" => AtMost(n - 1),
                _ => Expression.AndAlso(AtLeast(n), AtMost(n)),
            };
        }
        // DaysSince = as-of − date, so "≥ n days since" is date ≤ as-of − n; DaysUntil = date − as-of, so "≥ n days until" is date ≥ as-of + n.
        var since = c.Kind == AsOfKind.DaysSince;
        var bound = Day(asOf.AddDays(since ? -n : n));
        return (op, since) switch
        {
            ("eq", _) => Expression.Equal(date, bound),
            ("gte", true) or ("lte", false) => Expression.LessThanOrEqual(date, bound),
            ("gt", true) or ("lt", false) => Expression.LessThan(date, bound),
            ("lte", true) or ("gte", false) => Expression.GreaterThanOrEqual(date, bound),
            _ => Expression.GreaterThan(date, bound),
        };
    }

    private static Expression Flag(AsOfDef c, ParameterExpression x, string op, bool value, DateOnly asOf, string path)
    {
        if (op is not ("eq" or "neq"))
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: {c.QualifiedName} takes eq and neq.");
        }
        Expression holds;
        if (c.Kind == AsOfKind.InForce)
        {
            var start = Date(x, c.Start);
            var end = Date(x, c.End!);
            // A monthly end (the month's first day) lasts until that month is over.
            var endBound = c.MonthlyEnd ? new DateOnly(asOf.Year, asOf.Month, 1) : asOf;
            holds = Expression.AndAlso(Expression.LessThanOrEqual(start, Day(asOf)),
                Expression.OrElse(Expression.Equal(end, Expression.Constant(null, end.Type)), Expression.GreaterThanOrEqual(end, Day(endBound))));
        }
        else if (c.Start.Kind == FieldKind.Int)
        {
            var year = Expression.Convert(Expression.Property(x, c.Start.Property), typeof(int?));
            holds = Expression.Equal(year, Exprs.Value(asOf.Year, typeof(int?)));
        }
        else
        {
            var date = Date(x, c.Start);
            holds = Expression.AndAlso(Expression.GreaterThanOrEqual(date, Day(new DateOnly(asOf.Year, 1, 1))), Expression.LessThanOrEqual(date, Day(asOf)));
        }
        return value == (op == "eq") ? holds : Expression.Not(holds);
    }

    private static Expression Date(ParameterExpression x, FieldDef field)
    {
        Expression member = Expression.Property(x, field.Property);
        return member.Type == typeof(DateOnly) ? Expression.Convert(member, typeof(DateOnly?)) : member;
    }

    private static Expression Day(DateOnly date) => Exprs.Value(date, typeof(DateOnly?));
}
