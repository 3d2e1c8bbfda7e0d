using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// A data rule made of per-column conditions: a row offends when any condition holds, and the sample names the
/// first condition it offends by. The statement reads
/// <c>SELECT k, CASE WHEN p1 THEN 'c1' … END, CASE WHEN p1 THEN v1 … END, COUNT(*) OVER () FROM view t WHERE p1 OR … ORDER BY key</c>
/// with TOP/LIMIT: the window count is taken before the limit, so it counts every offending row.
/// </summary>
internal abstract class RowConditionRule : DataRule
{
    /// <summary>The conditions for one entity's view, over columns that exist with a compatible type only.</summary>
    protected abstract IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context);

    public override string? Statement(EntityDef entity, VerifyContext context)
    {
        if (!context.IsUsable(entity, entity.Key.Column))
        {
            return null;
        }
        var conditions = Conditions(entity, context).ToList();
        if (conditions.Count == 0)
        {
            return null;
        }
        var d = context.Dialect;
        var key = d.Column(entity.Key.Column);
        var column = "CASE" + string.Concat(conditions.Select(c => $" WHEN {c.Predicate} THEN {VerifyDialect.Literal(c.Column)}")) + " END";
        var value = "CASE" + string.Concat(conditions.Select(c => $" WHEN {c.Predicate} THEN {d.Text(c.Value)}")) + " END";
        var select = $"{d.Text(key)} AS {d.Quote("k")}, {column} AS {d.Quote("c")}, {value} AS {d.Quote("v")}, COUNT(*) OVER () AS {d.Quote("n")}";
        var rest = $"FROM {d.View(entity.View)} AS t WHERE {string.Join(" OR ", conditions.Select(c => c.Predicate))} ORDER BY {key}";
        return d.Select(select, rest, context.Options.Sample);
    }
}
