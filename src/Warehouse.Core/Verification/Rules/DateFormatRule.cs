using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// On SQLite, dates are text 'yyyy-MM-dd' and times 'yyyy-MM-dd HH:mm:ss.fff': anything else cannot be read as a
/// date. On PostgreSQL and SQL Server the column-type rule demands date and time types, which hold nothing else.
/// </summary>
internal sealed class DateFormatRule : RowConditionRule
{
    public override string Name => "date-format";
    public override Severity Severity => Severity.Error;
    public override string Description => "dates are valid dates (SQLite: 'yyyy-MM-dd' text)";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        if (context.Schema.Provider != DatabaseProvider.Sqlite)
        {
            return [];
        }
        return context.Usable(entity).Where(c => c.IsDate).Select(c =>
        {
            var x = context.Dialect.Column(c.Name);
            return new RowCondition(c.Name, $"({x} IS NOT NULL AND NOT {VerifyDialect.IsValidDate(x, c.ValueType == typeof(DateTime))})", x);
        });
    }
}
