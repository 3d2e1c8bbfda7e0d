using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// Well-formed region codes on rows are codes of the regions view. A row in an unknown village is still scoped by
/// its codes, but the region tree, the village relation and the admin console do not know where it is. Malformed
/// codes are left to <see cref="RegionCodeRule"/>, so a code is reported once.
/// </summary>
internal sealed class RegionKnownRule : RowConditionRule
{
    public override string Name => "region-known";
    public override Severity Severity => Severity.Warning;
    public override string Description => "region codes on rows exist in the regions view";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        if (Contract.Regions(context.Catalogue) is not { } regions || !context.IsUsable(regions, regions.Key.Column))
        {
            yield break;
        }
        var d = context.Dialect;
        foreach (var (field, level) in Contract.RegionCodes(entity).Where(c => context.IsUsable(entity, c.Field.Column)))
        {
            var x = d.Column(field.Column);
            yield return new RowCondition(field.Column,
                $"({x} IS NOT NULL AND NOT {d.NotRegionCode(x, level)} AND NOT EXISTS (SELECT 1 FROM {d.View(regions.View)} AS r WHERE " +
                    $"{d.Column(regions.Key.Column, "r")} = {x}))", x);
        }
    }
}
