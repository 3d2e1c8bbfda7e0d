using System.Linq.Expressions;

namespace Warehouse.Querying;

/// <summary>
/// Keyset ("seek") predicates: rows strictly after a cursor's sort values in the given order. Rows sort with
/// NULL first in ascending order and last in descending order (SQLite's and SQL Server's default; on PostgreSQL
/// <see cref="Ordering"/> makes it so), and the predicate follows that, so a page deep in the set is an index
/// seek, not an offset scan.
/// <para>
/// With more than one key the predicate is an OR of "greater here, equal before" terms. SQLite seeks on it, but
/// PostgreSQL cannot derive an index range from the OR and scans the first key's index from its start (154 ms at
/// row 25,000 of a 30,000-household county): the first key's own bound (<c>k1 &gt;= v1</c>, which every row after
/// the cursor satisfies) is therefore added in front, and gives every engine a range to seek to.
/// </para>
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
        if (result is null)
        {
            return Expression.Constant(true);
        }
        return keys.Count > 1 && LeadingBound(keys[0], values[0]) is { } bound ? Expression.AndAlso(bound, result) : result;
    }

    /// <summary>
    /// What every row after the cursor satisfies on the first key alone, when that is one index range: ascending,
    /// <c>k1 &gt;= v1</c> (nulls sort first, before any value); descending, <c>k1 &lt;= v1</c> if the key cannot be
    /// null (nulls sort last, so they would need an OR). None when the cursor's value is null, or for booleans
    /// (two values: nothing to seek).
    /// </summary>
    internal static Expression? LeadingBound(SortKey key, object? value)
    {
        var selector = Nullable(key.Selector);
        if (value is null || Exprs.IsBool(selector.Type) || (key.Descending && key.CanBeNull))
        {
            return null;
        }
        return Exprs.Compare(selector, Exprs.Value(value, selector.Type), less: key.Descending, orEqual: true);
    }

    private static Expression Nullable(Expression e) =>
        e.Type.IsValueType && System.Nullable.GetUnderlyingType(e.Type) is null ? Expression.Convert(e, Exprs.Nullable(e.Type)) : e;
}
