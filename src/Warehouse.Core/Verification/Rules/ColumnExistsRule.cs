using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>Every contract column exists in its view (a missing one makes every query of the view fail).</summary>
internal sealed class ColumnExistsRule : SchemaRule
{
    public override string Name => "column-exists";
    public override Severity Severity => Severity.Error;
    public override string Description => "every column the catalogue reads exists in its view";

    public override IEnumerable<Offence> Check(EntityDef entity, VerifyContext context)
    {
        if (!context.Schema.HasView(entity.View))
        {
            yield break;
        }
        foreach (var column in context.Columns(entity).Where(c => context.Schema.Column(entity.View, c.Name) is null))
        {
            yield return new Offence(entity.View, null, column.Name, $"missing ({column.Purpose})");
        }
    }
}
