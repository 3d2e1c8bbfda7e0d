using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// Every existing view can be read, and how many rows it has (the report's row counts). A view whose definition no
/// longer matches its base tables exists but fails when read (SQLite checks a view's body only then).
/// </summary>
internal sealed class ViewReadableRule : DataRule
{
    public override string Name => "view-readable";
    public override Severity Severity => Severity.Error;
    public override string Description => "every view can be read (counts its rows)";

    public override string? Statement(EntityDef entity, VerifyContext context)
    {
        var d = context.Dialect;
        return context.Schema.HasView(entity.View)
            ? $"SELECT COUNT(*) AS {d.Quote("n")} FROM {d.View(entity.View)} AS t"
            : null;
    }
}
