using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>Every entity's API view exists (a view or a table of that name).</summary>
internal sealed class ViewExistsRule : SchemaRule
{
    public override string Name => "view-exists";
    public override Severity Severity => Severity.Error;
    public override string Description => "every API view the catalogue reads exists";

    public override IEnumerable<Offence> Check(EntityDef entity, VerifyContext context)
    {
        if (!context.Schema.HasView(entity.View))
        {
            yield return new Offence(entity.View, null, "", $"missing: create {context.Dialect.View(entity.View)} ({entity.TypeName})");
        }
    }
}
