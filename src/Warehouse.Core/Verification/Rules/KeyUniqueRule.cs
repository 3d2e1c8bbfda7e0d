using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// No two rows share a key: a duplicated key repeats or skips rows in keyset paging and makes lookups ambiguous.
/// The count is the number of rows that share their key with another; the sample shows each such key once, with
/// how many rows carry it.
/// </summary>
internal sealed class KeyUniqueRule : DataRule
{
    public override string Name => "key-unique";
    public override Severity Severity => Severity.Error;
    public override string Description => "no two rows share a key";

    public override string? Statement(EntityDef entity, VerifyContext context)
    {
        if (!context.IsUsable(entity, entity.Key.Column))
        {
            return null;
        }
        var d = context.Dialect;
        var key = d.Column(entity.Key.Column);
        var select = $"{d.Text(key)} AS {d.Quote("k")}, {VerifyDialect.Literal(entity.Key.Column)} AS {d.Quote("c")}, {d.Text("COUNT(*)")} AS " +
            $"{d.Quote("v")}, SUM(COUNT(*)) OVER () AS {d.Quote("n")}";
        var rest = $"FROM {d.View(entity.View)} AS t WHERE {key} IS NOT NULL GROUP BY {key} HAVING COUNT(*) > 1 ORDER BY {key}";
        return d.Select(select, rest, context.Options.Sample);
    }

    public override string? Explain(EntityDef entity, string column, string? value, VerifyContext context) => $"{value} rows";
}
