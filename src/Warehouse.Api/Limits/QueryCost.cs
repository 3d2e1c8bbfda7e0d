using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Warehouse.Api.Limits;

/// <summary>
/// Measures a document against the role's schema: depth, aliases, operations, and an estimated cost where a
/// field repeats for every row its list may return (a connection's first/last, or the nested-list fan-out).
/// Fragments are expanded (each spread at most once per path, so a fragment bomb costs what it expands to).
/// The walk itself is bounded: after <see cref="Walker.Budget"/> selections it stops and the cost is unbounded,
/// so a fragment bomb (2^n expansion) is refused in linear time instead of being walked in full.
/// </summary>
internal static class QueryCost
{
    public static QueryMetrics Measure(GraphQLDocument document, ISchema schema, string? operationName, Inputs? variables, LimitsOptions limits, int defaultPageSize)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        // Duplicate names are a validation error (UNIQUE_FRAGMENT_NAMES) reported later; here the first one counts.
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        var operation = operationName is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        var walker = new Walker(fragments, variables, limits, defaultPageSize);
        var root = operation?.Operation == OperationType.Mutation ? schema.Mutation : schema.Query;
        var cost = operation is null ? 0 : walker.Selection(operation.SelectionSet, root, 1, []);
        return new QueryMetrics(walker.Depth, cost, walker.Aliases, operations.Count, walker.Introspection);
    }

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments, Inputs? variables, LimitsOptions limits, int defaultPageSize)
    {
        private const int HardStop = 64;
        private long _visits;

        /// <summary>Selections walked before giving up: every field costs at least 1, so a document that expands to more
        /// selections than the complexity limit is over it anyway (between 10,000 and 1,000,000 whatever the limit).</summary>
        public long Budget { get; } = (long)Math.Clamp(limits.MaxComplexity, 10_000, 1_000_000);
        public int Depth { get; private set; }
        public int Aliases { get; private set; }
        public bool Introspection { get; private set; }

        public double Selection(GraphQLSelectionSet? set, IGraphType? type, int depth, HashSet<string> path)
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
                    GraphQLField field => Field(field, type as IComplexGraphType, depth, path),
                    GraphQLInlineFragment inline => Selection(inline.SelectionSet, type, depth, path),
                    GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && !path.Contains(fragment.FragmentName.Name.StringValue)
                        => Selection(fragment.SelectionSet, type, depth, [.. path, fragment.FragmentName.Name.StringValue]),
                    _ => 0,
                };
            }
            return cost;
        }

        private double Field(GraphQLField field, IComplexGraphType? parent, int depth, HashSet<string> path)
        {
            if (field.Alias is not null)
            {
                Aliases++;
            }
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                // Introspection is bounded by the schema's size; it is switched off, not priced.
                Introspection |= name != "__typename";
                return 0;
            }
            Depth = Math.Max(Depth, depth);
            var definition = parent?.GetField(name);
            var type = Unwrap(definition?.ResolvedType, out var isList);
            var multiplier = !isList ? 1
                : field.Arguments?.FirstOrDefault(a => a.Name.StringValue is "first" or "last") is { } paging ? IntValue(paging.Value) ?? defaultPageSize
                : name is "nodes" or "edges" ? 1
                : type is IComplexGraphType ? limits.ListFanOut : 1;
            if (definition?.ResolvedType is not null && Unwrap(definition.ResolvedType, out _)?.Name.EndsWith("Connection", StringComparison.Ordinal) == true)
            {
                multiplier = field.Arguments?.FirstOrDefault(a => a.Name.StringValue is "first" or "last") is { } p ? IntValue(p.Value) ?? defaultPageSize : defaultPageSize;
            }
            return (1 + Selection(field.SelectionSet, type, depth + 1, path)) * Math.Max(1, multiplier);
        }

        private int? IntValue(GraphQLValue value) => value switch
        {
            GraphQLIntValue i when int.TryParse(i.Value.Span, out var n) => n,
            GraphQLVariable v when variables?.TryGetValue(v.Name.StringValue, out var o) == true => o switch
            {
                int n => n,
                long l => (int)Math.Min(l, int.MaxValue),
                _ => null,
            },
            _ => null,
        };

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
