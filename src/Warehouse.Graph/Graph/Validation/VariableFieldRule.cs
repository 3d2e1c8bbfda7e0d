using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>
/// FIELD_HIDDEN and FIELD_MASKED for a field inside a variable's value (<c>where: $w</c> with <c>{"bankName": …}</c>
/// or <c>{"name": …}</c>). GraphQL.NET coerces variables after the rules' first pass and would answer "unrecognized
/// input field" for a hidden one and run the query with a masked one; these rules read the raw values against the
/// declared types while they are asked for their visitor, so their errors come first and the coercion never runs.
/// They depend on the request's values, so they run on every request, cached document or not.
/// </summary>
internal sealed class VariableFieldRule : ValidationRuleBase
{
    /// <summary>FIELD_HIDDEN inside variable values.</summary>
    public static readonly VariableFieldRule Hidden = new(HiddenFields.ReportInValue);

    /// <summary>FIELD_MASKED inside variable values (filters and sorts).</summary>
    public static readonly VariableFieldRule Masked = new(MaskedFields.ReportInValue);

    private readonly Action<ValidationContext, IGraphType?, object?, ASTNode> _report;

    private VariableFieldRule(Action<ValidationContext, IGraphType?, object?, ASTNode> report) => _report = report;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var definition in context.Operation?.Variables?.Items ?? [])
        {
            if (context.Variables.TryGetValue(definition.Variable.Name.StringValue, out var value))
            {
                _report(context, HiddenFields.TypeOf(context.Schema, definition.Type), value, definition);
            }
        }
        return default;
    }
}
