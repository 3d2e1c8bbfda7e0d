using System.Collections;
using System.Linq.Expressions;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Querying;

/// <summary>
/// Compiles a <c>where</c> argument (HotChocolate.Data shape) into a predicate EF Core translates to SQL.
/// Every field named is checked by <see cref="FieldGuard"/>; every relation is followed through a scoped
/// subquery, so a filter can neither test a masked value nor reach rows outside the reader's region.
/// </summary>
/// <param name="sources">Scoped roots for relation subqueries.</param>
/// <param name="protectedAggregate">
/// The filter selects the rows of a protected aggregate. Only the coarsest conditions are accepted there: the
/// entity's own region codes, combined with and/or/not; no other field, no relation. Two populations a reader can
/// describe then differ by whole regions, never by one person, which is what defeats differencing
/// (docs/security.md); slicing by anything else is what groupBy is for, where every cell is perturbed and small
/// cells are withheld.
/// </param>
/// <param name="asOf">
/// The report date of the request (the root field's <c>asOf</c> argument) that as-of conditions are relative to;
/// null: today by the server's clock (<see cref="Security.AccessContext.Today"/>).
/// </param>
internal sealed class FilterCompiler(QuerySources sources, bool protectedAggregate = false, DateOnly? asOf = null)
{
    /// <summary>The date as-of conditions are relative to.</summary>
    public DateOnly AsOf { get; } = asOf ?? sources.Access.Today;

    private static readonly string[] CombinatorNames = ["and", "or", "not"];

    private int _conditions;

    private void Count(int conditions, string path)
    {
        _conditions += conditions;
        if (_conditions > FilterLimits.MaxConditions)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: the filter has more than {FilterLimits.MaxConditions} conditions.");
        }
    }

    public Expression<Func<T, bool>>? Compile<T>(EntityDef<T> entity, IDictionary<string, object?>? where) where T : class, new()
    {
        if (where is null || where.Count == 0)
        {
            return null;
        }
        var x = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(Build(entity, x, where, "where", 0), x);
    }

    /// <summary>A predicate as a lambda of the entity type, for relation subqueries.</summary>
    private LambdaExpression CompileLambda(EntityDef entity, IDictionary<string, object?> where, string path, int depth)
    {
        var x = Expression.Parameter(entity.ClrType, "x" + depth);
        return Expression.Lambda(Build(entity, x, where, path, depth), x);
    }

    private Expression Build(EntityDef entity, ParameterExpression x, IDictionary<string, object?> where, string path, int depth)
    {
        if (depth > FilterLimits.MaxDepth)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: filters nest deeper than {FilterLimits.MaxDepth} levels.");
        }
        Expression? result = null;
        foreach (var (name, value) in where)
        {
            var p = $"{path}.{name}";
            Count(CombinatorNames.Contains(name) ? 0 : value is IDictionary<string, object?> ops ? Math.Max(1, ops.Count) : 1, p);
            var term = name switch
            {
                "and" => Combine(entity, x, value, p, depth, and: true),
                "or" => Combine(entity, x, value, p, depth, and: false),
                "not" => Expression.Not(Build(entity, x, AsObject(value, p), p, depth + 1)),
                _ => Member(entity, x, name, value, p, depth),
            };
            result = result is null ? term : Expression.AndAlso(result, term);
        }
        return result ?? Expression.Constant(true);
    }

    private Expression Combine(EntityDef entity, ParameterExpression x, object? value, string path, int depth, bool and)
    {
        if (value is not IEnumerable list || value is string || value is IDictionary)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: expected a list of filters.");
        }
        Expression? result = null;
        var i = 0;
        foreach (var item in list)
        {
            Count(1, $"{path}[{i}]");
            var term = Build(entity, x, AsObject(item, $"{path}[{i}]"), $"{path}[{i}]", depth + 1);
            result = result is null ? term : and ? Expression.AndAlso(result, term) : Expression.OrElse(result, term);
            i++;
        }
        return result ?? Expression.Constant(and);
    }

    private Expression Member(EntityDef entity, ParameterExpression x, string name, object? value, string path, int depth)
    {
        if (entity.Field(name) is { } field)
        {
            FieldGuard.RequireFull(sources.Access, field, "where");
            if (protectedAggregate && !field.IsRegionCode)
            {
                throw new QueryException(ErrorCodes.ProtectedAggregate,
                    $"{path}: this aggregate is protected (its rows include records your role may not read one by one), so its filter takes region codes only "
                    + $"(countyCode, townshipCode, villageCode); group by {field.Name} instead.");
            }
            if (!field.CanFilter)
            {
                throw new QueryException(ErrorCodes.InvalidFilter, $"{field.QualifiedName} cannot be filtered.");
            }
            var condition = Operators(field, Expression.Property(x, field.Property), AsObject(value, path), path);
            // Minors' records read masked: no condition on their personal fields can single them out.
            return MinorRecords.Shadows(field, sources.Access)
                ? Expression.AndAlso(MinorRecords.Adult(entity, x, sources.Access), condition)
                : condition;
        }
        if (entity.AsOf(name) is { } asOfCondition)
        {
            return AsOfCondition(entity, x, asOfCondition, value, path);
        }
        if (entity.Relation(name) is { } relation)
        {
            if (protectedAggregate)
            {
                throw new QueryException(ErrorCodes.ProtectedAggregate,
                    $"{path}: this aggregate is protected (its rows include records your role may not read one by one), so its filter cannot " +
                        $"follow relations; filter by region codes and group by the fields you need.");
            }
            return relation.IsList
                ? ListRelation(relation, x, AsObject(value, path), path, depth)
                : Exists(relation, x, AsObject(value, path), path, depth, negate: false);
        }
        if (CombinatorNames.Contains(name))
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: unexpected {name}.");
        }
        throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: {entity.TypeName} has no field {name}.");
    }

    /// <summary>An as-of condition reads what its source fields read, under the same rules as those fields.</summary>
    private Expression AsOfCondition(EntityDef entity, ParameterExpression x, AsOfDef condition, object? value, string path)
    {
        foreach (var source in condition.Sources)
        {
            FieldGuard.RequireFull(sources.Access, source, "where");
        }
        if (protectedAggregate)
        {
            throw new QueryException(ErrorCodes.ProtectedAggregate,
                $"{path}: this aggregate is protected (its rows include records your role may not read one by one), so its filter takes region codes only "
                + "(countyCode, townshipCode, villageCode).");
        }
        var compiled = AsOfCompiler.Compile(condition, x, AsObject(value, path), AsOf, path);
        return condition.Sources.Any(f => MinorRecords.Shadows(f, sources.Access))
            ? Expression.AndAlso(MinorRecords.Adult(entity, x, sources.Access), compiled)
            : compiled;
    }

    private Expression ListRelation(RelationDef relation, ParameterExpression x, IDictionary<string, object?> ops, string path, int depth)
    {
        Expression? result = null;
        foreach (var (op, value) in ops)
        {
            var p = $"{path}.{op}";
            var term = op switch
            {
                "some" => Exists(relation, x, AsObject(value, p), p, depth, negate: false),
                "none" => Expression.Not(Exists(relation, x, AsObject(value, p), p, depth, negate: false)),
                "all" => Expression.Not(Exists(relation, x, AsObject(value, p), p, depth, negate: true)),
                "any" => value is bool b
                    ? b ? Exists(relation, x, null, p, depth, false) : Expression.Not(Exists(relation, x, null, p, depth, false))
                    : throw new QueryException(ErrorCodes.InvalidFilter, $"{p}: expected true or false."),
                _ => throw new QueryException(ErrorCodes.InvalidFilter, $"{p}: unknown list operator (some, none, all, any)."),
            };
            result = result is null ? term : Expression.AndAlso(result, term);
        }
        return result ?? Expression.Constant(true);
    }

    /// <summary>EXISTS (scoped target rows related to x [matching the filter, or not matching it when negated]).</summary>
    private Expression Exists(RelationDef relation, ParameterExpression x, IDictionary<string, object?>? where, string path, int depth, bool negate)
    {
        var target = relation.Target;
        var parentKey = Expression.Property(x, relation.ParentKeyProperty);
        if (relation.Via is { } via)
        {
            // EXISTS (scoped link rows of this owner WHERE EXISTS (scoped target rows of that link, matching)):
            // the link is scoped too, so a project never leads to households outside the reader's region.
            var l = Expression.Parameter(via.Link.ClrType, "l" + depth);
            var linkTarget = Expression.Property(l, via.TargetSide);
            var targetPredicate = TargetPredicate(target, where, path, depth, negate,
                t => Equal(Expression.Property(t, relation.ChildKeyProperty), linkTarget));
            var inner = Exprs.Any(sources.ScopedRoot(target), target.ClrType, targetPredicate);
            var linkBody = Expression.AndAlso(Equal(Expression.Property(l, via.OwnerSide), parentKey), inner);
            return Exprs.Any(sources.ScopedRoot(via.Link), via.Link.ClrType, Expression.Lambda(linkBody, l));
        }
        var predicate = TargetPredicate(target, where, path, depth, negate,
            t => Equal(Expression.Property(t, relation.ChildKeyProperty), parentKey));
        return Exprs.Any(sources.ScopedRoot(target), target.ClrType, predicate);
    }

    private LambdaExpression TargetPredicate(EntityDef target, IDictionary<string, object?>? where, string path, int depth, bool negate,
        Func<ParameterExpression, Expression> join)
    {
        if (where is null)
        {
            var t = Expression.Parameter(target.ClrType, "t" + depth);
            return Expression.Lambda(join(t), t);
        }
        var lambda = CompileLambda(target, where, path, depth + 1);
        var body = negate ? Expression.Not(lambda.Body) : lambda.Body;
        return Expression.Lambda(Expression.AndAlso(join(lambda.Parameters[0]), body), lambda.Parameters[0]);
    }

    private static BinaryExpression Equal(Expression a, Expression b)
    {
        if (a.Type != b.Type)
        {
            var t = Exprs.Nullable(a.Type);
            a = Expression.Convert(a, t);
            b = Expression.Convert(b, t);
        }
        return Expression.Equal(a, b);
    }

    private Expression Operators(FieldDef field, MemberExpression member, IDictionary<string, object?> ops, string path)
    {
        Expression? result = null;
        foreach (var (op, raw) in ops)
        {
            var p = $"{path}.{op}";
            var term = field.Kind == FieldKind.StringList ? ListOperator(field, member, op, raw, p) : ScalarOperator(field, member, op, raw, p);
            result = result is null ? term : Expression.AndAlso(result, term);
        }
        return result ?? Expression.Constant(true);
    }

    private static Expression ScalarOperator(FieldDef field, MemberExpression member, string op, object? raw, string path)
    {
        var type = member.Type;
        Expression V(object? r) => Exprs.Value(ValueCoercion.ToStored(field, r, path), Exprs.Nullable(type));
        Expression M() => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Expression.Convert(member, Exprs.Nullable(type)) : member;
        var isText = type == typeof(string);
        var isOrdered = field.Kind is FieldKind.Int or FieldKind.Money or FieldKind.Date or FieldKind.Timestamp;
        switch (op)
        {
            case "eq": return Expression.Equal(M(), V(raw));
            case "neq": return Expression.NotEqual(M(), V(raw));
            case "in": return In(field, member, raw, path, negate: false);
            case "nin": return In(field, member, raw, path, negate: true);
        }
        if (raw is null)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: null is only allowed with eq and neq.");
        }
        if (isText)
        {
            var v = V(raw);
            Expression NotNull(Expression e) => Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, typeof(string))), e);
            return op switch
            {
                "contains" => NotNull(Expression.Call(member, Exprs.StringContains, v)),
                "ncontains" => Expression.Not(NotNull(Expression.Call(member, Exprs.StringContains, v))),
                "startsWith" => NotNull(Expression.Call(member, Exprs.StringStartsWith, v)),
                "nstartsWith" => Expression.Not(NotNull(Expression.Call(member, Exprs.StringStartsWith, v))),
                "endsWith" => NotNull(Expression.Call(member, Exprs.StringEndsWith, v)),
                "nendsWith" => Expression.Not(NotNull(Expression.Call(member, Exprs.StringEndsWith, v))),
                _ => throw Unknown(field, op, path),
            };
        }
        if (isOrdered && op is "gt" or "gte" or "lt" or "lte")
        {
            var v = V(raw);
            return op switch
            {
                "gt" => Exprs.Compare(M(), v, less: false),
                "gte" => Exprs.Compare(M(), v, less: false, orEqual: true),
                "lt" => Exprs.Compare(M(), v, less: true),
                "lte" => Exprs.Compare(M(), v, less: true, orEqual: true),
                _ => throw Unknown(field, op, path),
            };
        }
        throw Unknown(field, op, path);
    }

    private static Expression In(FieldDef field, MemberExpression member, object? raw, string path, bool negate)
    {
        if (raw is not IEnumerable items || raw is string || raw is IDictionary)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: expected a list.");
        }
        var elementType = member.Type;
        var listType = typeof(List<>).MakeGenericType(elementType);
        var list = (IList)Activator.CreateInstance(listType)!;
        var i = 0;
        foreach (var item in items)
        {
            if (i >= FilterLimits.MaxInList)
            {
                throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: at most {FilterLimits.MaxInList} values.");
            }
            var stored = ValueCoercion.ToStored(field, item, $"{path}[{i++}]");
            if (stored is null && elementType.IsValueType && Nullable.GetUnderlyingType(elementType) is null)
            {
                throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: {field.QualifiedName} is never null.");
            }
            list.Add(stored);
        }
        var contains = listType.GetMethod(nameof(List<object>.Contains))!;
        Expression call = Expression.Call(Exprs.Value(list, listType), contains, member);
        return negate ? Expression.Not(call) : call;
    }

    private Expression ListOperator(FieldDef field, MemberExpression member, string op, object? raw, string path)
    {
        // Comma-separated vocabulary lists: an element matches when ",list," contains ",value,".
        Expression Has(string value)
        {
            var wrapped = Expression.Call(Exprs.StringConcat, Expression.Constant(","), member, Expression.Constant(","));
            var notNull = Expression.NotEqual(member, Expression.Constant(null, typeof(string)));
            return Expression.AndAlso(notNull, Expression.Call(wrapped, Exprs.StringContains, Exprs.Value("," + value + ",", typeof(string))));
        }
        Expression Element(object? r, string p)
        {
            var ops = AsObject(r, p);
            Expression? result = null;
            foreach (var (o, v) in ops)
            {
                var term = o switch
                {
                    "eq" => Has(Text(field, v, $"{p}.eq")),
                    "in" => v is IEnumerable e && v is not string
                        ? e.Cast<object?>().Select((item, i) => { Count(1, $"{p}.in[{i}]"); return item; })
                            .Select((item, i) => Has(Text(field, item, $"{p}.in[{i}]"))).Aggregate((Expression)Expression.Constant(false), Expression.OrElse)
                        : throw new QueryException(ErrorCodes.InvalidFilter, $"{p}.in: expected a list."),
                    _ => throw new QueryException(ErrorCodes.InvalidFilter, $"{p}: list elements support eq and in."),
                };
                result = result is null ? term : Expression.AndAlso(result, term);
            }
            return result ?? Expression.Constant(true);
        }
        var empty = Expression.OrElse(Expression.Equal(member, Expression.Constant(null, typeof(string))), Expression.Equal(member, Expression.Constant("")));
        return op switch
        {
            "some" => Element(raw, path),
            "none" => Expression.Not(Element(raw, path)),
            "any" => raw is bool b ? b ? Expression.Not(empty) : empty : throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: expected true or false."),
            _ => throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: {field.QualifiedName} is a list: use some, none or any."),
        };
    }

    private static string Text(FieldDef field, object? raw, string path) =>
        raw is string s && s.Length <= ValueCoercion.MaxStringLength && !s.Contains(',', StringComparison.Ordinal)
            ? s
            : throw new QueryException(ErrorCodes.InvalidValue, $"{path}: expected one value of {field.QualifiedName}.");

    private static QueryException Unknown(FieldDef field, string op, string path) =>
        new(ErrorCodes.InvalidFilter, $"{path}: operator {op} does not apply to {field.QualifiedName}.");

    internal static IDictionary<string, object?> AsObject(object? value, string path) =>
        value as IDictionary<string, object?> ?? throw new QueryException(ErrorCodes.InvalidFilter, $"{path}: expected an object.");
}
