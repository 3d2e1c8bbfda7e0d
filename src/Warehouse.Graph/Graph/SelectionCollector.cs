using GraphQL;
using GraphQLParser.AST;

namespace Warehouse.Graph;

/// <summary>
/// Flattens a selection set (fields, inline fragments, fragment spreads) into its fields, to plan which columns
/// to read. It over-approximates (@skip/@include are ignored), which can only read a column more, never less.
/// </summary>
internal static class SelectionCollector
{
    public static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set, GraphQLDocument document, int depth = 0)
    {
        if (set is null || depth > 32)
        {
            yield break;
        }
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var f in Fields(inline.SelectionSet, document, depth + 1))
                    {
                        yield return f;
                    }
                    break;
                case GraphQLFragmentSpread spread:
                    var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(d => d.FragmentName.Name == spread.FragmentName.Name);
                    foreach (var f in Fields(definition?.SelectionSet, document, depth + 1))
                    {
                        yield return f;
                    }
                    break;
            }
        }
    }

    /// <summary>Fields selected under the named child fields (e.g. nodes, or edges then node).</summary>
    public static IEnumerable<GraphQLField> Under(IResolveFieldContext context, GraphQLSelectionSet? set, params string[] path)
    {
        IEnumerable<GraphQLField> current = Fields(set, context.Document);
        foreach (var name in path)
        {
            current = current.Where(f => f.Name.StringValue == name).SelectMany(f => Fields(f.SelectionSet, context.Document)).ToList();
        }
        return current;
    }
}
