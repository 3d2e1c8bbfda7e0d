using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>No row has a null key: lookups, keyset paging and relations all go through the key.</summary>
internal sealed class KeyNotNullRule : RowConditionRule
{
    public override string Name => "key-not-null";
    public override Severity Severity => Severity.Error;
    public override string Description => "the key column is never null";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        var key = context.Dialect.Column(entity.Key.Column);
        yield return new RowCondition(entity.Key.Column, $"{key} IS NULL", key);
    }
}
