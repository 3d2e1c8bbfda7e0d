using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Warehouse.Catalogue;

namespace Warehouse.Limits;

/// <summary>
/// Measures a document against the role's schema before anything runs: depth, aliases, operations, an estimated
/// cost where a field repeats for every row its list may return (a connection's first/last, or the nested-list
/// fan-out), and the cost of every <c>where</c> filter (<see cref="FilterCost"/>). Introspection is priced like any
/// other selection: its lists repeat their selection once per type, field, argument… of the schema
/// (<see cref="IntrospectionSizes"/>), and its depth is measured on its own scale (the standard GraphiQL query is
/// 14 levels deep). Fragments are expanded (each spread at most once per path, so a fragment bomb costs what it
/// expands to). The walk itself is bounded: after <see cref="Walker.Budget"/> selections it stops and the cost is
/// unbounded, so a fragment bomb (10^n expansion) is refused in linear time instead of being walked in full.
/// </summary>
internal static class QueryCost
{
    /// <summary>Measures the operation <paramref name="operationName"/> selects (the first one when null).</summary>
    public static QueryMetrics Measure(GraphQLDocument document, ISchema schema, string? operationName, Inputs? variables, LimitsOptions limits,
        int defaultPageSize)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        var operation = operationName is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return Measure(document, schema, operation, variables, limits, defaultPageSize);
    }

    /// <summary>
    /// Measures <paramref name="operation"/> (null: only the operation count is measured). With
    /// <paramref name="variables"/> null, a first/last or where given by a variable is priced as absent and
    /// <see cref="QueryMetrics.ReadsVariables"/> says so: such a cost must be measured again with the request's values.
    /// </summary>
    public static QueryMetrics Measure(GraphQLDocument document, ISchema schema, GraphQLOperationDefinition? operation, Inputs? variables, LimitsOptions limits,
        int defaultPageSize)
    {
        var operations = document.Definitions.Count(d => d is GraphQLOperationDefinition);
        // Duplicate names are a validation error (UNIQUE_FRAGMENT_NAMES) reported later; here the first one counts.
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        var walker = new Walker(schema, fragments, variables, limits, defaultPageSize);
        var root = operation?.Operation == OperationType.Mutation ? schema.Mutation : schema.Query;
        var cost = operation is null ? 0 : walker.Selection(operation.SelectionSet, root, 1, [], 1, false, 0);
        return new QueryMetrics(walker.Depth, cost, walker.Aliases, operations, walker.Introspection)
        {
            IntrospectionDepth = walker.IntrospectionDepth,
            FilterCost = walker.FilterCost,
            CostliestFilter = walker.CostliestFilter,
            ReadsVariables = walker.ReadsVariables,
        };
    }

    private sealed class Walker(ISchema schema, Dictionary<string, GraphQLFragmentDefinition> fragments, Inputs? variables, LimitsOptions limits,
        int defaultPageSize)
    {
        private const int HardStop = 64;
        private long _visits;
        private double _costliest;

        /// <summary>Selections walked before giving up: every field costs at least 1, so a document that expands to more
        /// selections than the complexity limit is over it anyway (between 10,000 and 1,000,000 whatever the limit).</summary>
        public long Budget { get; } = (long)Math.Clamp(limits.MaxComplexity, 10_000, 1_000_000);
        public int Depth { get; private set; }
        public int IntrospectionDepth { get; private set; }
        public int Aliases { get; private set; }
        public bool Introspection { get; private set; }
        public double FilterCost { get; private set; }
        public string? CostliestFilter { get; private set; }
        /// <summary>A first/last or where argument was given by a variable: the cost depends on the request's values.</summary>
        public bool ReadsVariables { get; private set; }

        public double Selection(GraphQLSelectionSet? set, IGraphType? type, int depth, HashSet<string> path, double rows, bool introspective, int wrapping)
        {
            if (set is null)
            {
                return 0;
            }
            if (depth > HardStop)
            {
                Depth = Math.Max(Depth, depth);
                return double.PositiveInfinity;
            }
            double cost = 0;
            foreach (var selection in set.Selections)
            {
                if (++_visits > Budget)
                {
                    return double.PositiveInfinity;
                }
                cost += selection switch
                {
                    GraphQLField field => Field(field, type as IComplexGraphType, depth, path, rows, introspective, wrapping),
                    GraphQLInlineFragment inline => Selection(inline.SelectionSet, type, depth, path, rows, introspective, wrapping),
                    GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && !path.Contains(fragment.FragmentName.Name.StringValue)
                        => Selection(fragment.SelectionSet, type, depth, [.. path, fragment.FragmentName.Name.StringValue], rows, introspective, wrapping),
                    _ => 0,
                };
            }
            return cost;
        }

        private double Field(GraphQLField field, IComplexGraphType? parent, int depth, HashSet<string> path, double rows, bool introspective, int wrapping)
        {
            if (field.Alias is not null)
            {
                Aliases++;
            }
            var name = field.Name.StringValue;
            if (name == "__typename")
            {
                return 0; // answered from the type at hand, no work
            }
            FieldType? definition;
            if (name is "__schema" or "__type" && parent == schema.Query)
            {
                // The meta-fields are not fields of Query: their definitions come from the schema.
                Introspection = true;
                introspective = true;
                definition = name == "__schema" ? schema.SchemaMetaFieldType : schema.TypeMetaFieldType;
            }
            else
            {
                definition = parent?.GetField(name);
            }
            if (introspective)
            {
                IntrospectionDepth = Math.Max(IntrospectionDepth, depth);
            }
            else
            {
                Depth = Math.Max(Depth, depth);
            }
            var type = Unwrap(definition?.ResolvedType, out var isList);
            if (introspective && name == "ofType" && ++wrapping > IntrospectionSizes.Of(schema).WrapDepth)
            {
                // No type in this schema wraps deeper: from here on ofType is null and nothing more is resolved,
                // so it costs nothing; it is still walked, for its depth.
                _ = Selection(field.SelectionSet, type, depth + 1, path, rows, true, wrapping);
                return 0;
            }
            if (introspective)
            {
                var items = isList ? IntrospectionSizes.Of(schema).Of(parent?.Name ?? "", name) : 1;
                return 1 + items * Selection(field.SelectionSet, type, depth + 1, path, rows * Math.Max(items, 1), true, name == "ofType" ? wrapping : 0);
            }
            var multiplier = !isList ? 1
                : field.Arguments?.FirstOrDefault(a => a.Name.StringValue is "first" or "last") is { } paging ? IntValue(paging.Value) ?? defaultPageSize
                : name is "nodes" or "edges" ? 1
                : type is IComplexGraphType ? limits.ListFanOut : 1;
            if (definition?.ResolvedType is not null && Unwrap(definition.ResolvedType, out _)?.Name.EndsWith("Connection", StringComparison.Ordinal) == true)
            {
                multiplier = field.Arguments?.FirstOrDefault(a => a.Name.StringValue is "first" or "last") is { } p ? IntValue(p.Value)
                    ?? defaultPageSize : defaultPageSize;
            }
            Filter(field, definition, name, depth, rows);
            multiplier = Math.Max(1, multiplier);
            return (1 + Selection(field.SelectionSet, type, depth + 1, path, rows * multiplier, false, 0)) * multiplier;
        }

        /// <summary>Adds the cost of the field's where filter: rows it scans × tests per row (see <see cref="Limits.FilterCost"/>).</summary>
        private void Filter(GraphQLField field, FieldType? definition, string name, int depth, double rows)
        {
            if (definition?.Arguments?.Find("where") is not { } argument
                || field.Arguments?.FirstOrDefault(a => a.Name.StringValue == "where") is not { } given
                || Unwrap(argument.ResolvedType, out _)?.Name is not { } inputName
                || !inputName.EndsWith(FilterSuffix, StringComparison.Ordinal)
                || WarehouseCatalogue.Default.Find(inputName[..^FilterSuffix.Length]) is not { } entity)
            {
                return;
            }
            // A root list's filter runs over the whole scope whatever first says (totalCount, or no match at all);
            // a nested list's over the related rows of every parent row.
            var where = Plain(given.Value, 0);
            if (!Limits.FilterCost.Priced(where))
            {
                return;
            }
            var scanned = depth == 1 ? limits.ScannedRows : rows * limits.ListFanOut;
            var cost = scanned * Limits.FilterCost.PerRow(entity, where, limits.ListFanOut);
            FilterCost += cost;
            if (cost > _costliest || CostliestFilter is null)
            {
                _costliest = cost;
                CostliestFilter = name;
            }
        }

        private const string FilterSuffix = "FilterInput";

        /// <summary>The argument's literal as plain values (objects, lists, scalars), variables substituted.</summary>
        private object? Plain(GraphQLValue value, int depth) => depth > HardStop ? null : value switch
        {
            GraphQLObjectValue o => (o.Fields ?? []).GroupBy(f => f.Name.StringValue, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Plain(g.First().Value, depth + 1), StringComparer.Ordinal) as IDictionary<string, object?>,
            GraphQLListValue l => (l.Values ?? []).Select(v => Plain(v, depth + 1)).ToList(),
            GraphQLVariable v => Variable(v),
            GraphQLBooleanValue b => b.BoolValue,
            _ => "",
        };

        private int? IntValue(GraphQLValue value) => value switch
        {
            GraphQLIntValue i when int.TryParse(i.Value.Span, out var n) => n,
            GraphQLVariable v => Variable(v) switch
            {
                int n => n,
                long l => (int)Math.Min(l, int.MaxValue),
                _ => null,
            },
            _ => null,
        };

        private object? Variable(GraphQLVariable variable)
        {
            ReadsVariables = true;
            return variables?.TryGetValue(variable.Name.StringValue, out var value) == true ? value : null;
        }

        private static IGraphType? Unwrap(IGraphType? type, out bool isList)
        {
            isList = false;
            while (type is NonNullGraphType or ListGraphType)
            {
                if (type is ListGraphType list)
                {
                    isList = true;
                    type = list.ResolvedType;
                }
                else
                {
                    type = ((NonNullGraphType)type).ResolvedType;
                }
            }
            return type;
        }
    }
}
