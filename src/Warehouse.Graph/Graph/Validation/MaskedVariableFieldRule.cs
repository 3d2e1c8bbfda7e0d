using GraphQL.Validation;

namespace Warehouse.Graph.Validation;

/// <summary>
/// FIELD_MASKED for a masked field inside a variable's value (<c>where: $w</c> with <c>{"name": …}</c>). Depends on
/// the request's values, so it runs on every request, cached document or not (like <see cref="HiddenVariableFieldRule"/>).
/// </summary>
internal sealed class MaskedVariableFieldRule : ValidationRuleBase
{
    public static readonly MaskedVariableFieldRule Instance = new();

    private MaskedVariableFieldRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var definition in context.Operation?.Variables?.Items ?? [])
        {
            if (context.Variables.TryGetValue(definition.Variable.Name.StringValue, out var value))
            {
                MaskedFields.ReportInValue(context, HiddenFields.TypeOf(context.Schema, definition.Type), value, definition);
            }
        }
        return default;
    }
}
