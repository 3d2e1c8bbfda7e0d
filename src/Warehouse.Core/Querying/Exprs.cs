using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Warehouse.Querying;

/// <summary>Expression-tree helpers shared by the filter, sort and keyset builders.</summary>
internal static class Exprs
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Holders = new();

    /// <summary>A value EF Core will send as a parameter (see <see cref="ValueHolder{T}"/>).</summary>
    public static Expression Value(object? value, Type type)
    {
        var ctor = Holders.GetOrAdd(type, t => typeof(ValueHolder<>).MakeGenericType(t).GetConstructors()[0]);
        var holder = ctor.Invoke([value]);
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    public static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    public static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    public static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    public static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    public static readonly MethodInfo StringConcat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;

    public static readonly MethodInfo QWhere =
        new Func<IQueryable<object>, Expression<Func<object, bool>>, IQueryable<object>>(System.Linq.Queryable.Where).Method.GetGenericMethodDefinition();
    public static readonly MethodInfo QAny =
        new Func<IQueryable<object>, Expression<Func<object, bool>>, bool>(System.Linq.Queryable.Any).Method.GetGenericMethodDefinition();
    public static readonly MethodInfo QSelect =
        new Func<IQueryable<object>, Expression<Func<object, object>>, IQueryable<object>>(System.Linq.Queryable.Select).Method.GetGenericMethodDefinition();
    public static readonly MethodInfo QFirstOrDefault =
        new Func<IQueryable<object>, object?>(System.Linq.Queryable.FirstOrDefault).Method.GetGenericMethodDefinition();

    /// <summary>The type a value of <paramref name="type"/> has when it may be missing (value types become nullable).</summary>
    public static Type Nullable(Type type) =>
        type.IsValueType && System.Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    public static bool IsString(Type t) => t == typeof(string);

    public static bool IsBool(Type t) => (System.Nullable.GetUnderlyingType(t) ?? t) == typeof(bool);

    /// <summary>left &gt; right (or &lt; when <paramref name="less"/>), for strings, numbers, dates and booleans.</summary>
    public static Expression Compare(Expression left, Expression right, bool less, bool orEqual = false)
    {
        if (IsString(left.Type))
        {
            var cmp = Expression.Call(StringCompare, left, right);
            var zero = Expression.Constant(0);
            return less
                ? orEqual ? Expression.LessThanOrEqual(cmp, zero) : Expression.LessThan(cmp, zero)
                : orEqual ? Expression.GreaterThanOrEqual(cmp, zero) : Expression.GreaterThan(cmp, zero);
        }
        if (IsBool(left.Type))
        {
            // false < true; expressed with equality so both engines index it.
            var t = Expression.Constant(true, left.Type);
            var f = Expression.Constant(false, left.Type);
            var strict = less
                ? Expression.AndAlso(Expression.Equal(left, f), Expression.Equal(right, t))
                : Expression.AndAlso(Expression.Equal(left, t), Expression.Equal(right, f));
            return orEqual ? Expression.OrElse(strict, Expression.Equal(left, right)) : strict;
        }
        return less
            ? orEqual ? Expression.LessThanOrEqual(left, right) : Expression.LessThan(left, right)
            : orEqual ? Expression.GreaterThanOrEqual(left, right) : Expression.GreaterThan(left, right);
    }

    /// <summary>Calls Queryable.Any(source, x => body) for an element type known only at run time.</summary>
    public static Expression Any(Expression source, Type elementType, LambdaExpression predicate) =>
        Expression.Call(QAny.MakeGenericMethod(elementType), source, Expression.Quote(predicate));

    public static Expression Where(Expression source, Type elementType, LambdaExpression predicate) =>
        Expression.Call(QWhere.MakeGenericMethod(elementType), source, Expression.Quote(predicate));
}
