using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// Region codes are 12 digits of the right level (county 6 significant digits + 000000, township 9 + 000, village
/// 12) and nest: a row's township code lies in its county, its village code in its township. Row scope is an
/// equality on these codes, so a wrong one hides a row from the readers it belongs to, or shows it to others.
/// In the regions view the code must have the level of its level column, which must be COUNTY, TOWNSHIP or VILLAGE.
/// </summary>
internal sealed class RegionCodeRule : RowConditionRule
{
    private static readonly RegionLevel[] Levels = [RegionLevel.County, RegionLevel.Township, RegionLevel.Village];

    public override string Name => "region-code";
    public override Severity Severity => Severity.Error;
    public override string Description => "region codes are 12 digits of the right level, township within county, village within township";

    protected override IEnumerable<RowCondition> Conditions(EntityDef entity, VerifyContext context)
    {
        var d = context.Dialect;
        // The codes of a row from the widest level to the narrowest; in the regions view its own code comes last.
        var codes = new List<(string Column, RegionLevel? Level)>();
        foreach (var (field, level) in Contract.RegionCodes(entity).Where(c => context.IsUsable(entity, c.Field.Column)))
        {
            var x = d.Column(field.Column);
            yield return new RowCondition(field.Column, d.NotRegionCode(x, level), x);
            codes.Add((field.Column, level));
        }
        if (LevelField(entity) is { } levelField && context.IsUsable(entity, levelField.Column) && context.IsUsable(entity, entity.Key.Column))
        {
            var code = d.Column(entity.Key.Column);
            var level = d.Column(levelField.Column);
            var names = string.Join(", ", Levels.Select(l => VerifyDialect.Literal(Upper(l))));
            yield return new RowCondition(levelField.Column, $"({level} IS NULL OR {level} NOT IN ({names}))", level);
            foreach (var l in Levels)
            {
                yield return new RowCondition(entity.Key.Column, $"({level} = {VerifyDialect.Literal(Upper(l))} AND {d.NotRegionCode(code, l)})", code);
            }
            codes.Add((entity.Key.Column, null));
        }
        // Nesting: each narrower code starts with the county's 6 digits and the township's 9.
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i].Level is not (RegionLevel.County or RegionLevel.Township))
            {
                continue;
            }
            var length = codes[i].Level == RegionLevel.County ? 6 : 9;
            var outer = d.Column(codes[i].Column);
            foreach (var (column, _) in codes.Skip(i + 1))
            {
                var inner = d.Column(column);
                yield return new RowCondition(column,
                    $"({inner} IS NOT NULL AND {outer} IS NOT NULL AND {d.Substring(inner, 1, length)} <> {d.Substring(outer, 1, length)})", inner);
            }
        }
    }

    public override string? Explain(EntityDef entity, string column, string? value, VerifyContext context)
    {
        if (value is null)
        {
            return null;
        }
        var level = Contract.RegionCodes(entity).Where(c => c.Field.Column == column).Select(c => (RegionLevel?)c.Level).FirstOrDefault();
        var problem = level is { } l ? RegionCodeCheck.Problem(value, l)
            : RegionCodeCheck.LevelOf(value) is null ? RegionCodeCheck.Problem(value, RegionLevel.Village)
            : LevelField(entity)?.Column == column ? "not COUNTY, TOWNSHIP or VILLAGE"
            : null;
        return $"{value} ({problem ?? "not within the row's county or township, or not of the row's level"})";
    }

    private static FieldDef? LevelField(EntityDef entity) => entity.Fields.FirstOrDefault(f => f.Kind == FieldKind.RegionLevel);

    private static string Upper(RegionLevel level) => level.ToString().ToUpperInvariant();
}
