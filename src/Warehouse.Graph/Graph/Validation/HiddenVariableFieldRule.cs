using System.Collections;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>
/// FIELD_HIDDEN for a hidden field inside a variable's value (<c>where: $w</c> with <c>{"bankName": …}</c>).
/// GraphQL.NET coerces variables after the rules' first pass and would answer "unrecognized input field"; this rule
/// reads the raw values against the declared types while it is asked for its visitor, so its error comes first and
/// the coercion never runs. It depends on the request's values, so it runs on every request, cached document or not.
/// </summary>
internal sealed class HiddenVariableFieldRule : ValidationRuleBase
{
    public static readonly HiddenVariableFieldRule Instance = new();

    private HiddenVariableFieldRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var definition in context.Operation?.Variables?.Items ?? [])
        {
            if (context.Variables.TryGetValue(definition.Variable.Name.StringValue, out var value))
            {
                Report(context, HiddenFields.TypeOf(context.Schema, definition.Type), value, definition);
            }
        }
        return default;
    }

    private static void Report(ValidationContext context, IGraphType? type, object? value, GraphQLVariableDefinition definition)
    {
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
        if (type is ListGraphType list)
        {
            foreach (var item in value is IEnumerable items and not string and not IDictionary ? items.Cast<object?>() : [value])
            {
                Report(context, list.ResolvedType, item, definition);
            }
            return;
        }
        if (type is not IInputObjectGraphType input || value is not IDictionary<string, object?> fields)
        {
            return;
        }
        foreach (var (name, inner) in fields)
        {
            if (input.GetField(name) is { } known)
            {
                Report(context, known.ResolvedType, inner, definition);
            }
            else if (HiddenFields.Find(context, input.Name, name) is { } hidden)
            {
                context.ReportError(HiddenFields.Error(context, hidden, definition));
            }
        }
    }
}
