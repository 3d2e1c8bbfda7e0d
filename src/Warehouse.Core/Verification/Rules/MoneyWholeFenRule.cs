using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// Money is a whole number of fen. The API reads it as a 64-bit integer and shows it in 元 with two places, so
/// 150.5 fen would be read as 150. Only SQLite can hold anything else in an integer column; on PostgreSQL and SQL
/// Server the column-type rule already demands an integer type, and this rule has nothing left to check.
/// </summary>
internal sealed class MoneyWholeFenRule : RowConditionRule
{
    public override string Name => "money-whole-fen";
    public override Severity Severity => Severity.Error;
    public override string Description => "money columns hold whole numbers of fen";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        if (context.Schema.Provider != DatabaseProvider.Sqlite)
        {
            return [];
        }
        return context.Usable(entity).Where(c => c.IsMoney).Select(c =>
        {
            var x = context.Dialect.Column(c.Name);
            return new RowCondition(c.Name, VerifyDialect.NotWholeFen(x), x);
        });
    }
}
