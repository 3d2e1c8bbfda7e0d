using GraphQL.Validation;

namespace Warehouse.Limits;

/// <summary>
/// Wraps a validation rule so that it does not walk a document <see cref="LimitsRule"/> has already refused.
/// GraphQL.NET asks every rule for its visitor in list order before it walks the document once with all of them;
/// the limits rule comes first and reports while being asked, so the rules after it see the error and return no
/// visitor. Without this the standard rules would expand a fragment bomb the limit exists to refuse.
/// </summary>
internal sealed class AfterLimits(IValidationRule inner) : IValidationRule
{
    public IValidationRule Inner { get; } = inner;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        context.HasErrors ? default : Inner.GetPreNodeVisitorAsync(context);

    // Neither runs once there is an error: GraphQL.NET stops before variables and the post-visit pass.
    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => Inner.GetVariableVisitorAsync(context);

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => Inner.GetPostNodeVisitorAsync(context);
}
