using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Warehouse.Querying;

/// <summary>Compiled getters (reflection once per property, then a delegate call per value).</summary>
public static class PropertyAccessors
{
    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, object?>> Getters = new();

    public static Func<object, object?> Getter(PropertyInfo property) => Getters.GetOrAdd(property, p =>
    {
        var o = Expression.Parameter(typeof(object), "o");
        var body = Expression.Convert(Expression.Property(Expression.Convert(o, p.DeclaringType!), p), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, o).Compile();
    });

    public static object? Get(object row, string property) =>
        Getter(row.GetType().GetProperty(property) ?? throw new InvalidOperationException($"No property {property}."))(row);
}
