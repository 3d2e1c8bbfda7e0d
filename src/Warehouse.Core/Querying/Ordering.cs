using System.Linq.Expressions;
using System.Reflection;

namespace Warehouse.Querying;

/// <summary>Applies sort keys as OrderBy/ThenBy calls.</summary>
internal static class Ordering
{
    private static readonly MethodInfo OrderBy = Method(nameof(Queryable.OrderBy));
    private static readonly MethodInfo OrderByDescending = Method(nameof(Queryable.OrderByDescending));
    private static readonly MethodInfo ThenBy = Method(nameof(Queryable.ThenBy));
    private static readonly MethodInfo ThenByDescending = Method(nameof(Queryable.ThenByDescending));

    public static IQueryable<T> Apply<T>(IQueryable<T> source, ParameterExpression x, IReadOnlyList<SortKey> keys)
    {
        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var method = i == 0
                ? key.Descending ? OrderByDescending : OrderBy
                : key.Descending ? ThenByDescending : ThenBy;
            expression = Expression.Call(method.MakeGenericMethod(typeof(T), key.ValueType), expression,
                Expression.Quote(Expression.Lambda(key.Selector, x)));
        }
        return source.Provider.CreateQuery<T>(expression);
    }

    private static MethodInfo Method(string name) =>
        typeof(Queryable).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == 2);
}
