using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>Every contract column has a type the API can read its value as (see <see cref="TypeCompatibility"/>).</summary>
internal sealed class ColumnTypeRule : SchemaRule
{
    public override string Name => "column-type";
    public override Severity Severity => Severity.Error;
    public override string Description => "every column has a type the API can read";

    public override IEnumerable<Offence> Check(EntityDef entity, VerifyContext context)
    {
        var provider = context.Schema.Provider;
        foreach (var column in context.Columns(entity))
        {
            if (context.Schema.Column(entity.View, column.Name) is { } found && !TypeCompatibility.IsCompatible(provider, column.ValueType, found.Type))
            {
                var declared = found.Type.Length == 0 ? "(no type)" : found.Type;
                yield return new Offence(entity.View, null, column.Name, $"{declared}, expected {TypeCompatibility.Expected(provider, column.ValueType)}");
            }
        }
    }
}
