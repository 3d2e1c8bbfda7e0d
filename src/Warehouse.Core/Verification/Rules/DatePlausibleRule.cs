using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// Dates lie between <see cref="VerifyOptions.MinDate"/> (1900-01-01) and <see cref="VerifyOptions.MaxDate"/>
/// (today + 10 years): earlier or later ones are placeholders or typing errors, which skew ages, durations and
/// as-of filters. Invalid SQLite date text is left to <see cref="DateFormatRule"/>.
/// </summary>
internal sealed class DatePlausibleRule : RowConditionRule
{
    public override string Name => "date-plausible";
    public override Severity Severity => Severity.Warning;
    public override string Description => "dates lie between 1900-01-01 and 10 years from today";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        var d = context.Dialect;
        return context.Usable(entity).Where(c => c.IsDate).Select(c =>
        {
            var x = d.Column(c.Name);
            return new RowCondition(c.Name, d.NotPlausibleDate(x, c.ValueType == typeof(DateTime), context.Options.MinDate, context.Options.MaxDate), x);
        });
    }
}
