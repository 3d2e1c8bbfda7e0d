using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using Warehouse.Graph.Validation;
using Warehouse.Limits;
using Warehouse.Querying;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// The validation rules, in two sets. The document set runs once per (role schema, document, operation) and is
/// cached: the limits first, then GraphQL.NET's standard rules with the three that meet a hidden field replaced
/// by versions that answer FIELD_HIDDEN, and FIELD_MASKED for masked fields in filters and sorts, each standing down
/// after a broken limit. The request set runs on every
/// request for a cached document: only what depends on the variables' values.
/// </summary>
internal sealed class ValidationRuleSets
{
    public ValidationRuleSets(LimitsOptions limits, PagingOptions paging, IHostEnvironment environment)
    {
        DocumentLimits = new LimitsRule(limits, paging, environment, withVariables: false);
        _requestLimits = new LimitsRule(limits, paging, environment, withVariables: true);
        Document = [DocumentLimits, .. DocumentValidator.CoreRules.Select(r => new AfterLimits(WithHiddenFields(r))),
            new AfterLimits(MaskedFieldRule.Instance)];
    }

    private readonly LimitsRule _requestLimits;

    /// <summary>The limits as measured without variables; also used alone when no operation can be selected.</summary>
    public LimitsRule DocumentLimits { get; }

    public IReadOnlyList<IValidationRule> Document { get; }

    /// <summary>
    /// The rules a cached document still needs: hidden fields inside variable values, the cost again when it read a
    /// variable (first: $n), and field argument validators when the schema has any (their values may be variables).
    /// Empty when none applies, so GraphQL.NET does not walk the document at all.
    /// </summary>
    public IReadOnlyList<IValidationRule> ForRequest(ValidatedDocument validated, ISchema schema)
    {
        var rules = new List<IValidationRule>(3);
        if (validated.HasVariables)
        {
            rules.Add(VariableFieldRule.Hidden);
            rules.Add(VariableFieldRule.Masked);
        }
        if (validated.CostReadsVariables)
        {
            rules.Add(_requestLimits);
        }
        if (schema.GetMetadata<bool>(FieldArgumentsAreValidRule.HAS_FIELD_ARGUMENT_VALIDATION_KEY))
        {
            rules.Add(FieldArgumentsAreValidRule.Instance);
        }
        return rules;
    }

    private static IValidationRule WithHiddenFields(IValidationRule rule) => rule switch
    {
        FieldsOnCorrectType => HiddenFieldRule.Instance,
        ArgumentsOfCorrectType => HiddenInputFieldRule.Instance,
        DefaultValuesOfCorrectType => HiddenDefaultValueRule.Instance,
        _ => rule,
    };
}
