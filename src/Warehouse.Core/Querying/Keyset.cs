using System.Linq.Expressions;

namespace Warehouse.Querying;

/// <summary>
/// Keyset ("seek") predicates: rows strictly after a cursor's sort values in the given order. Rows sort with
/// NULL first in ascending order and last in descending order (SQLite's and SQL Server's default; on PostgreSQL
/// <see cref="Ordering"/> makes it so), and the predicate follows that, so a page deep in the set is an index
/// seek, not an offset scan.
/// </summary>
internal static class Keyset
{
    public static Expression After(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values)
    {
        Expression? result = null;
        Expression? prefixEqual = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var selector = Nullable(key.Selector);
            var value = Exprs.Value(values[i], selector.Type);
            var isNull = values[i] is null;
            Expression greater = isNull
                ? key.Descending ? Expression.Constant(false) : Expression.NotEqual(selector, Expression.Constant(null, selector.Type))
                : key.Descending
                    ? Expression.OrElse(Exprs.Compare(selector, value, less: true), Expression.Equal(selector, Expression.Constant(null, selector.Type)))
                    : Exprs.Compare(selector, value, less: false);
            var term = prefixEqual is null ? greater : Expression.AndAlso(prefixEqual, greater);
            result = result is null ? term : Expression.OrElse(result, term);
            Expression equal = isNull ? Expression.Equal(selector, Expression.Constant(null, selector.Type)) : Expression.Equal(selector, value);
            prefixEqual = prefixEqual is null ? equal : Expression.AndAlso(prefixEqual, equal);
        }
        return result ?? Expression.Constant(true);
    }

    private static Expression Nullable(Expression e) =>
        e.Type.IsValueType && System.Nullable.GetUnderlyingType(e.Type) is null ? Expression.Convert(e, Exprs.Nullable(e.Type)) : e;
}
