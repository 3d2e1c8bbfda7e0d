using System.Linq.Expressions;
using System.Reflection;
using Warehouse.Data;

namespace Warehouse.Querying;

/// <summary>
/// Applies sort keys as OrderBy/ThenBy calls. Paging (<see cref="Keyset"/>) assumes nulls sort first ascending and
/// last descending, as SQLite and SQL Server do. PostgreSQL sorts them the other way round and EF Core has no
/// NULLS FIRST, so there a key that can be null is preceded by its own null test (<c>CASE WHEN x IS NULL THEN 0
/// ELSE 1 END</c>, same direction): the order, and so every page, is the same on every engine. Keys that are never
/// null (the entity key, NOT NULL columns) sort as they are, so the usual id-ordered pages still follow an index.
/// </summary>
internal static class Ordering
{
    private static readonly MethodInfo OrderBy = Method(nameof(Queryable.OrderBy));
    private static readonly MethodInfo OrderByDescending = Method(nameof(Queryable.OrderByDescending));
    private static readonly MethodInfo ThenBy = Method(nameof(Queryable.ThenBy));
    private static readonly MethodInfo ThenByDescending = Method(nameof(Queryable.ThenByDescending));

    public static IQueryable<T> Apply<T>(IQueryable<T> source, ParameterExpression x, IReadOnlyList<SortKey> keys, DatabaseProvider provider)
    {
        var expression = source.Expression;
        var first = true;
        foreach (var key in keys)
        {
            var type = key.Selector.Type;
            if (provider == DatabaseProvider.PostgreSql && key.CanBeNull && (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null))
            {
                var isNotNull = Expression.Condition(
                    Expression.Equal(key.Selector, Expression.Constant(null, type)), Expression.Constant(0), Expression.Constant(1));
                expression = Term(expression, x, isNotNull, key.Descending, first);
                first = false;
            }
            expression = Term(expression, x, key.Selector, key.Descending, first);
            first = false;
        }
        return source.Provider.CreateQuery<T>(expression);

        static Expression Term(Expression source, ParameterExpression x, Expression selector, bool descending, bool first)
        {
            var method = first
                ? descending ? OrderByDescending : OrderBy
                : descending ? ThenByDescending : ThenBy;
            return Expression.Call(method.MakeGenericMethod(typeof(T), selector.Type), source, Expression.Quote(Expression.Lambda(selector, x)));
        }
    }

    private static MethodInfo Method(string name) =>
        typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);
}
