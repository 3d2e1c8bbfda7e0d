using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// References between views resolve (see <see cref="Contract.References"/>): a job's member_id is a member, a
/// disbursement's alloc_id an allocation. A dangling one makes the relation answer null or an empty list. Region
/// codes referring to the regions view are left to <see cref="RegionKnownRule"/>.
/// </summary>
internal sealed class ReferenceRule : RowConditionRule
{
    public override string Name => "reference";
    public override Severity Severity => Severity.Warning;
    public override string Description => "references between views (catalogue relations) resolve";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        var regions = Contract.Regions(context.Catalogue);
        var regionCodes = Contract.RegionCodes(entity).Select(c => c.Field).ToHashSet();
        var d = context.Dialect;
        foreach (var reference in Contract.References(context.Catalogue).Where(r => r.From == entity))
        {
            if ((reference.To == regions && regionCodes.Contains(reference.FromField))
                || !context.IsUsable(entity, reference.FromField.Column) || !context.IsUsable(reference.To, reference.ToField.Column))
            {
                continue;
            }
            var x = d.Column(reference.FromField.Column);
            yield return new RowCondition(reference.FromField.Column,
                $"({x} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {d.View(reference.To.View)} AS r WHERE {d.Column(reference.ToField.Column, "r")} = {x}))", x);
        }
    }

    public override string? Explain(EntityDef entity, string column, string? value, VerifyContext context)
    {
        var target = Contract.References(context.Catalogue).FirstOrDefault(r => r.From == entity && r.FromField.Column == column);
        return target is null ? value : $"{value} (not in {target.To.View}.{target.ToField.Column})";
    }
}
