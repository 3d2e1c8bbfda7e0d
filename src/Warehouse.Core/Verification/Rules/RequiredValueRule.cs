using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// Columns the API reads as non-null hold no null: a null number, flag or date fails reading the row, and a null
/// non-null text fails the GraphQL field (a null region code also hides the row from every reader of that level).
/// The key is left to <see cref="KeyNotNullRule"/>.
/// </summary>
internal sealed class RequiredValueRule : RowConditionRule
{
    public override string Name => "required-value";
    public override Severity Severity => Severity.Error;
    public override string Description => "non-nullable columns hold no null";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context) =>
        context.Usable(entity)
            .Where(c => !c.Nullable && c.Name != entity.Key.Column)
            .Select(c =>
            {
                var x = context.Dialect.Column(c.Name);
                return new RowCondition(c.Name, $"{x} IS NULL", x);
            });
}
