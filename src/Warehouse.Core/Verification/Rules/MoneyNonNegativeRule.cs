using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// Amounts are not negative: incomes, costs, investments, allocations, payments, wages, subsidies, standards. Net
/// amounts and changes may be (a business that lost money, an income that fell): the fields whose name says net or
/// change, e.g. netIncome, perCapitaNetIncome, incomeChange, prevBusinessNetIncome (see <see cref="MayBeNegative"/>).
/// </summary>
internal sealed class MoneyNonNegativeRule : RowConditionRule
{
    public override string Name => "money-non-negative";
    public override Severity Severity => Severity.Warning;
    public override string Description => "amounts are not negative (net amounts and changes may be)";

    /// <summary>Net amounts and changes, by the field's name (as <see cref="FieldDef.IsUnicodeText"/> goes by the column's).</summary>
    public static bool MayBeNegative(FieldDef field) =>
        field.Name.Contains("Net", StringComparison.Ordinal) || field.Name.StartsWith("net", StringComparison.Ordinal)
        || field.Name.Contains("Change", StringComparison.Ordinal);

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context) =>
        context.Usable(entity).Where(c => c.IsMoney && !MayBeNegative(c.Field!)).Select(c =>
        {
            var x = context.Dialect.Column(c.Name);
            return new RowCondition(c.Name, $"{x} < 0", x);
        });
}
