using System.Linq.Expressions;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Querying;

/// <summary>
/// Compiles an <c>order</c> argument (a list of <c>{field: ASC|DESC}</c>, or <c>{relation: {field: ASC}}</c>
/// for a related scalar through a single reference) into sort keys over a shared row parameter. The key field
/// is always appended as the last key so that keyset paging is total. Sorting by a masked field is refused:
/// the order and the cursor would reveal it.
/// </summary>
internal sealed class SortCompiler(QuerySources sources)
{
    /// <summary>Most sort terms accepted in one order argument.</summary>
    public const int MaxTerms = 5;

    public List<SortKey> Compile(EntityDef entity, ParameterExpression x, IReadOnlyList<object?>? order)
    {
        var keys = new List<SortKey>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (order is not null)
        {
            if (order.Count > MaxTerms)
            {
                throw new QueryException(ErrorCodes.InvalidOrder, $"order: at most {MaxTerms} terms.");
            }
            for (var i = 0; i < order.Count; i++)
            {
                var key = Term(entity, x, FilterCompiler.AsObject(order[i], $"order[{i}]"), $"order[{i}]", "");
                if (!seen.Add(key.Path))
                {
                    throw new QueryException(ErrorCodes.InvalidOrder, $"order[{i}]: {key.Path} is already ordered by.");
                }
                keys.Add(key);
            }
        }
        if (!seen.Contains(entity.Key.Name))
        {
            keys.Add(new SortKey(entity.Key.Name, Expression.Property(x, entity.Key.Property), Descending: false, CanBeNull: false, entity.Key));
        }
        return keys;
    }

    private SortKey Term(EntityDef entity, Expression x, IDictionary<string, object?> term, string path, string prefix)
    {
        if (term.Count != 1)
        {
            throw new QueryException(ErrorCodes.InvalidOrder,
                $"{path}: name exactly one field per order item, e.g. [{{perCapitaNetIncome: ASC}}, {{id: ASC}}].");
        }
        var (name, value) = term.First();
        if (entity.Field(name) is { } field)
        {
            FieldGuard.RequireFull(sources.Access, field, "order");
            if (!field.CanSort)
            {
                throw new QueryException(ErrorCodes.InvalidOrder, $"{field.QualifiedName} cannot be sorted by.");
            }
            var descending = value switch
            {
                "ASC" => false,
                "DESC" => true,
                _ => throw new QueryException(ErrorCodes.InvalidOrder, $"{path}.{name}: expected ASC or DESC."),
            };
            Expression selector = Expression.Property(x, field.Property);
            var canBeNull = CanBeNull(field.Property);
            if (MinorRecords.Shadows(field, sources.Access))
            {
                // Minors' records read masked sort as if the value were missing, so order cannot reveal it.
                var nullable = Exprs.Nullable(selector.Type);
                selector = Expression.Condition(MinorRecords.Adult(entity, x, sources.Access), Expression.Convert(selector, nullable),
                    Expression.Constant(null, nullable));
                canBeNull = true;
            }
            return new SortKey(prefix + name, selector, descending, canBeNull, field);
        }
        if (entity.Relation(name) is { IsList: false } relation)
        {
            var inner = FilterCompiler.AsObject(value, $"{path}.{name}");
            var t = Expression.Parameter(relation.Target.ClrType, "s" + prefix.Length);
            var key = Term(relation.Target, t, inner, $"{path}.{name}", prefix + name + ".");
            // (SELECT t.value FROM scoped target t WHERE t.childKey = x.parentKey LIMIT 1): the related row is
            // scoped like any other read, so an out-of-scope row sorts as missing (null).
            var valueType = Exprs.Nullable(key.ValueType);
            var join = Expression.Lambda(Expression.Equal(
                Convert(Expression.Property(t, relation.ChildKeyProperty)), Convert(Expression.Property(x, relation.ParentKeyProperty))), t);
            var filtered = Exprs.Where(sources.ScopedRoot(relation.Target), relation.Target.ClrType, join);
            var selected = Expression.Call(Exprs.QSelect.MakeGenericMethod(relation.Target.ClrType, valueType), filtered,
                Expression.Quote(Expression.Lambda(Expression.Convert(key.Selector, valueType), t)));
            var scalar = Expression.Call(Exprs.QFirstOrDefault.MakeGenericMethod(valueType), selected);
            return key with { Selector = scalar, CanBeNull = true };
        }
        throw new QueryException(ErrorCodes.InvalidOrder, $"{path}: {entity.TypeName} has no sortable field or single reference named {name}.");
    }

    /// <summary>Nullable value types and strings declared <c>string?</c> (the entity classes state their columns' nullability).</summary>
    private static bool CanBeNull(System.Reflection.PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : new System.Reflection.NullabilityInfoContext().Create(property).ReadState != System.Reflection.NullabilityState.NotNull;

    private static Expression Convert(Expression e) => e.Type == typeof(string) ? e : Expression.Convert(e, Exprs.Nullable(e.Type));
}
