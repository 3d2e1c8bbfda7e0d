using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Regions;

namespace Warehouse.Aggregation;

/// <summary>
/// The grouping keys and measures of every entity, derived from the catalogue: groupable fields
/// (<see cref="FieldDef.CanGroup"/>), region names for the county/township/village codes an entity carries,
/// YEAR and MONTH of groupable dates, count / countDistinct / sum / avg / min / max over Int and Money fields,
/// and the named measures (rates) dashboards need, declared beside each entity (`.Measures(…)` in its catalogue entry). Which of these a role may use is
/// decided per request by <see cref="AggregatePermissions"/>.
/// </summary>
public static class AggregateCatalogue
{
    /// <summary>The 8,500 元 per-capita line for priority review, in fen.</summary>
    public const long IncomeLineFen = 850_000;

    /// <summary>
    /// Labour-capacity values that make a member part of the labour force, as the dashboard contract reads it
    /// (county 3: members with ordinary or skilled labour capacity); 弱劳动力或半劳动力 is not counted.
    /// </summary>
    public static readonly IReadOnlyList<string> LaborForceCapacities = ["普通劳动力", "技能劳动力"];

    /// <summary>The fund type of work-for-relief money (以工代赈).</summary>
    public const string YigongFund = "以工代赈";

    private static readonly ConcurrentDictionary<EntityDef, EntityAggregates> Cache = new();

    public static EntityAggregates For(EntityDef entity) => Cache.GetOrAdd(entity, Build);

    private static EntityAggregates Build(EntityDef entity)
    {
        var keys = new List<GroupKeyDef>();
        var fieldKeys = entity.Fields.Where(f => f.CanGroup && f.Kind != FieldKind.StringList).ToList();
        foreach (var field in fieldKeys)
        {
            var kind = field.Kind switch
            {
                FieldKind.Int => KeyKind.Int,
                FieldKind.Date => KeyKind.Date,
                FieldKind.Boolean => KeyKind.Boolean,
                FieldKind.Money => throw new InvalidOperationException($"{field.QualifiedName}: money cannot be a grouping key."),
                _ => KeyKind.Text,
            };
            keys.Add(new GroupKeyDef(field.Name, Screaming(field.Name), $"{field.Label}: {field.Description}", kind, field,
                (x, _) => Expression.Property(x, field.Property)));
            if (field.Kind == FieldKind.Date)
            {
                keys.Add(new GroupKeyDef(field.Name + "Year", Screaming(field.Name) + "_YEAR", $"Year of {field.Label} ({field.Name}).",
                    KeyKind.Int, field, (x, _) => DatePart(Expression.Property(x, field.Property), month: false)));
                keys.Add(new GroupKeyDef(field.Name + "Month", Screaming(field.Name) + "_MONTH", $"Month of {field.Label} ({field.Name}), as yyyy-MM.",
                    KeyKind.Month, field, (x, _) => DatePart(Expression.Property(x, field.Property), month: true)));
            }
        }
        foreach (var (codeProperty, id, label) in new[] { ("CountyCode", "countyName", "县"), ("TownshipCode", "townshipName", "乡镇"),
            ("VillageCode", "villageName", "村") })
        {
            var codeField = entity.Fields.FirstOrDefault(f => f.Property.Name == codeProperty);
            if (codeField is null || entity.Field(id) is not null)
            {
                continue;
            }
            keys.Add(new GroupKeyDef(id, Screaming(id), $"Name of the {label} ({codeField.Name}), from the regions view.", KeyKind.Text, codeField,
                (x, sources) => RegionName(sources, Expression.Property(x, codeField.Property))));
        }

        var measures = new List<MeasureDef>
        {
            new("count", "COUNT", MeasureOp.Count, null, [], MeasureOutput.Count, "Number of rows in the group."),
        };
        foreach (var field in fieldKeys.Where(f => f.Kind != FieldKind.Money).Prepend(entity.Key).Distinct())
        {
            measures.Add(new MeasureDef("countDistinct." + field.Name, "COUNT_DISTINCT_" + Screaming(field.Name), MeasureOp.CountDistinct, field, [field],
                MeasureOutput.Count, $"Number of distinct {field.Name} values (nulls not counted)."));
        }
        foreach (var field in entity.Fields.Where(f => f.Kind is FieldKind.Int or FieldKind.Money))
        {
            var money = field.Kind == FieldKind.Money;
            foreach (var (op, name) in new[] { (MeasureOp.Sum, "sum"), (MeasureOp.Avg, "avg"), (MeasureOp.Min, "min"), (MeasureOp.Max, "max") })
            {
                var output = op == MeasureOp.Avg
                    ? money ? MeasureOutput.MoneyAverage : MeasureOutput.Fraction
                    : money ? MeasureOutput.Money : MeasureOutput.Number;
                measures.Add(new MeasureDef($"{name}.{field.Name}", $"{name.ToUpperInvariant()}_{Screaming(field.Name)}", op, field, [field], output,
                    $"{name} of {field.Name}{(money ? " (元)" : "")}; nulls ignored."));
            }
        }
        foreach (var field in entity.Fields.Where(f => f.Kind is FieldKind.Int or FieldKind.Money))
        {
            // Percentiles interpolate between two values (PERCENTILE_CONT), so they are fractions like avg, not whole numbers.
            var money = field.Kind == FieldKind.Money;
            foreach (var (op, name) in new[] { (MeasureOp.Median, "median"), (MeasureOp.P25, "p25"), (MeasureOp.P75, "p75"), (MeasureOp.P90, "p90") })
            {
                measures.Add(new MeasureDef($"{name}.{field.Name}", $"{name.ToUpperInvariant()}_{Screaming(field.Name)}", op, field, [field],
                    money ? MeasureOutput.MoneyAverage : MeasureOutput.Fraction,
                    $"{name} of {field.Name}{(money ? " (元)" : "")}: " +
                        $"PERCENTILE_CONT({Percentiles.Fraction(op)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}), "
                    + "linear interpolation between the two nearest ranks; nulls ignored. Not usable in having or order."));
            }
        }
        measures.AddRange(entity.NamedMeasures?.Invoke(entity) ?? []);
        return new EntityAggregates(entity, keys, measures);
    }

    private static Expression DatePart(MemberExpression date, bool month)
    {
        // d.Value.Year (or Year * 100 + Month) when the date is present, else null; EF translates both dialects.
        var nullable = Nullable.GetUnderlyingType(date.Type) is not null;
        Expression value = nullable ? Expression.Property(date, "Value") : date;
        Expression part = Expression.Property(value, "Year");
        if (month)
        {
            part = Expression.Add(Expression.Multiply(part, Expression.Constant(100)), Expression.Property(value, "Month"));
        }
        var result = Expression.Convert(part, typeof(int?));
        return nullable
            ? Expression.Condition(Expression.Equal(date, Expression.Constant(null, date.Type)), Expression.Constant(null, typeof(int?)), result)
            : result;
    }

    private static MethodCallExpression RegionName(QuerySources sources, Expression code)
    {
        // (SELECT name FROM regions r WHERE r.code = x.<code> [scoped to the reader's county]) — a scalar subquery.
        var regions = (EntityDef<Region>)WarehouseCatalogue.Default.Require("Region");
        var root = sources.Scoped(regions);
        var r = Expression.Parameter(typeof(Region), "r");
        var match = Expression.Lambda<Func<Region, bool>>(Expression.Equal(Expression.Property(r, nameof(Region.Code)), code), r);
        var names = root.Where(match).Select(x => x.Name);
        return Expression.Call(Exprs.QFirstOrDefault.MakeGenericMethod(typeof(string)), names.Expression);
    }

    /// <summary>camelCase → SCREAMING_SNAKE (perCapitaNetIncome → PER_CAPITA_NET_INCOME, shareBelow8500 → SHARE_BELOW_8500).</summary>
    public static string Screaming(string camel)
    {
        var sb = new StringBuilder(camel.Length + 8);
        for (var i = 0; i < camel.Length; i++)
        {
            var c = camel[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(camel[i - 1])));
            if (boundary)
            {
                sb.Append('_');
            }
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}

/// <summary>The keys and measures of one entity (before role permissions).</summary>
public sealed class EntityAggregates(EntityDef entity, IReadOnlyList<GroupKeyDef> keys, IReadOnlyList<MeasureDef> measures)
{
    public EntityDef Entity { get; } = entity;
    public IReadOnlyList<GroupKeyDef> Keys { get; } = keys;
    public IReadOnlyList<MeasureDef> Measures { get; } = measures;

    public GroupKeyDef? Key(string id) => Keys.FirstOrDefault(k => k.Id == id);
    public MeasureDef? Measure(string id) => Measures.FirstOrDefault(m => m.Id == id);
}
