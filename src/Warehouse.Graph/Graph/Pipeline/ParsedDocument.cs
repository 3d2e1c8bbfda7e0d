using System.Collections.Concurrent;
using GraphQL;
using GraphQLParser.AST;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// A document text parsed once for every role, with the validations it passed per (role schema, operation). A
/// permission change gives the role a new <see cref="SchemaKey"/> (its version rises), so a validation made under
/// the old grants is never looked up again; <see cref="Remember"/> drops such entries when a newer one is added.
/// </summary>
internal sealed class ParsedDocument(string text, GraphQLDocument? document, ExecutionError? refusal)
{
    private readonly ConcurrentDictionary<(SchemaKey Schema, GraphQLOperationDefinition Operation), ValidatedDocument> _validated = new();

    public string Text { get; } = text;
    /// <summary>Null when the text does not parse: GraphQL.NET then parses it again and reports the syntax error.</summary>
    public GraphQLDocument? Document { get; } = document;
    /// <summary>Set when the text is refused before anything runs (nested past the parser's depth limit).</summary>
    public ExecutionError? Refusal { get; } = refusal;

    public ValidatedDocument? Validated(SchemaKey schema, GraphQLOperationDefinition operation) =>
        _validated.GetValueOrDefault((schema, operation));

    public void Remember(SchemaKey schema, ValidatedDocument validated)
    {
        _validated[(schema, validated.Operation)] = validated;
        foreach (var stale in _validated.Keys.Where(k => k.Schema.Version < schema.Version))
        {
            _validated.TryRemove(stale, out _);
        }
    }

    /// <summary>The operation GraphQL.NET will run (its rules: the only one, or the one named), or null when none can be chosen.</summary>
    public GraphQLOperationDefinition? Operation(string? name)
    {
        var operations = Document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return string.IsNullOrEmpty(name)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }

    /// <summary>True when the operation the request selects is a mutation (the first one when no name is given).</summary>
    public bool IsMutation(string? name)
    {
        var operations = Document?.Definitions.OfType<GraphQLOperationDefinition>() ?? [];
        var selected = name is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.StringValue == name);
        return selected?.Operation == OperationType.Mutation;
    }
}
