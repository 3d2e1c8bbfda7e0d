using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using Warehouse.Catalogue;
using Warehouse.Funds;
using Warehouse.Households;
using Warehouse.Jobs;
using Warehouse.Members;
using Warehouse.Projects;
using Warehouse.Querying;
using Warehouse.Regions;

namespace Warehouse.Aggregation;

/// <summary>
/// The grouping keys and measures of every entity, derived from the catalogue: groupable fields
/// (<see cref="FieldDef.CanGroup"/>), region names for the county/township/village codes an entity carries,
/// YEAR and MONTH of groupable dates, count / countDistinct / sum / avg / min / max over Int and Money fields,
/// and the named measures (rates) dashboards need, each with its definition. Which of these a role may use is
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
        foreach (var (codeProperty, id, label) in new[] { ("CountyCode", "countyName", "县"), ("TownshipCode", "townshipName", "乡镇"), ("VillageCode", "villageName", "村") })
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
                    $"{name} of {field.Name}{(money ? " (元)" : "")}: PERCENTILE_CONT({Percentiles.Fraction(op)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}), "
                    + "linear interpolation between the two nearest ranks; nulls ignored. Not usable in having or order."));
            }
        }
        measures.AddRange(Named(entity));
        return new EntityAggregates(entity, keys, measures);
    }

    /// <summary>The named measures: rates and conditional counts with their definitions.</summary>
    private static IEnumerable<MeasureDef> Named(EntityDef entity)
    {
        FieldDef F(string name) => entity.Field(name) ?? throw new InvalidOperationException($"{entity.TypeName} has no {name}.");
        MeasureDef M(string id, MeasureOutput output, string description, FieldDef[] deps, Func<QuerySources, GroupAgg> agg) =>
            new(id, Screaming(id), MeasureOp.Derived, null, deps, output, description, agg);

        switch (entity.TypeName)
        {
            case "Household":
            {
                Expression<Func<Household, bool>> below = h => h.PerCapitaNetIncomeFen < IncomeLineFen;
                Expression<Func<Household, bool>> falling = h => h.PrevPerCapitaNetIncomeFen != null && h.PerCapitaNetIncomeFen < h.PrevPerCapitaNetIncomeFen;
                Expression<Func<Household, bool>> transferHeavy = h => h.TransferIncomeFen * 5 > h.NetIncomeFen * 3;
                var pc = F("perCapitaNetIncome");
                yield return M("belowLine", MeasureOutput.Count, "Households whose per-capita net income is below 8,500 元 (priority review line).", [pc], _ => new CountOf(below));
                yield return M("shareBelow8500", MeasureOutput.Fraction, "Share below 8,500: households with per-capita net income < 8,500 元 ÷ all households in the group (0..1).", [pc],
                    _ => new RatioOf(new CountOf(below), new CountOf(null)));
                yield return M("incomeFalling", MeasureOutput.Count, "Households whose per-capita net income fell year on year (prevPerCapitaNetIncome known and higher than perCapitaNetIncome).",
                    [pc, F("prevPerCapitaNetIncome")], _ => new CountOf(falling));
                yield return M("transferAbove60", MeasureOutput.Count, "Households whose transfer income is above 60 % of net income (transferIncome > 0.6 × netIncome).",
                    [F("transferIncome"), F("netIncome")], _ => new CountOf(transferHeavy));
                break;
            }
            case "Member":
            {
                Expression<Func<Member, bool>> inForce = m => m.LaborCapacity == "普通劳动力" || m.LaborCapacity == "技能劳动力";
                Expression<Func<Member, bool>> employed = m => (m.LaborCapacity == "普通劳动力" || m.LaborCapacity == "技能劳动力")
                    && m.WorkStatus != "未务工";
                FieldDef[] deps = [F("laborCapacity"), F("workStatus")];
                yield return M("laborForce", MeasureOutput.Count, "劳动力（普通劳动力、技能劳动力，不含弱劳动力或半劳动力）。Members in the labour force: laborCapacity 普通劳动力 or 技能劳动力 (弱劳动力或半劳动力 is not counted).", [deps[0]], _ => new CountOf(inForce));
                yield return M("employed", MeasureOutput.Count, "Labour-force members who work (workStatus other than 未务工).", deps, _ => new CountOf(employed));
                yield return M("employmentRate", MeasureOutput.Fraction, "Employment rate of the labour force: employed ÷ laborForce (0..1; null when the group has no labour force).", deps,
                    _ => new RatioOf(new CountOf(employed), new CountOf(inForce)));
                break;
            }
            case "Workshop":
            {
                Expression<Func<Workshop, long?>> poor = w => w.WorkersPoor;
                Expression<Func<Workshop, long?>> total = w => w.WorkersTotal;
                Expression<Func<Workshop, bool>> below = w => w.WorkersPoor * 10 < w.WorkersTotal * 3;
                FieldDef[] deps = [F("workersPoor"), F("workersTotal")];
                yield return M("poorWorkerShare", MeasureOutput.Fraction, "Poor-worker share: Σ workersPoor ÷ Σ workersTotal over the group's workshops (0..1; the target is ≥ 0.30).", deps,
                    _ => new RatioOf(new SumOf(poor), new SumOf(total)));
                yield return M("belowPoorTarget", MeasureOutput.Count, "Workshops whose own poor-worker share is below 30 % (workersPoor < 0.3 × workersTotal).", deps, _ => new CountOf(below));
                break;
            }
            case "FundAllocation":
            {
                var disbEntity = (EntityDef<Disbursement>)WarehouseCatalogue.Default.Require("Disbursement");
                FieldDef[] deps = [F("amount"), disbEntity.Field("amount")!, disbEntity.Field("stage")!];
                Func<QuerySources, LambdaExpression> disbursed = sources =>
                {
                    var disb = sources.Scoped(disbEntity);
                    Expression<Func<FundAllocation, long?>> e = a => disb.Where(d => d.AllocId == a.Id).Sum(d => (long?)(d.Stage == "收回" ? -d.AmountFen : d.AmountFen));
                    return e;
                };
                Expression<Func<FundAllocation, long?>> allocated = a => a.AmountFen;
                yield return M("disbursed", MeasureOutput.Money, "Funds disbursed from the group's allocations, 元: Σ disbursements at stages 拨付 and 报账支出 minus 收回 (recovered).", deps,
                    s => new SumOf(disbursed(s)));
                yield return M("disbursedShare", MeasureOutput.Fraction, "Funds disbursed over allocated: disbursed ÷ Σ amount (0..1, may exceed 1 only if data are wrong).", deps,
                    s => new RatioOf(new SumOf(disbursed(s)), new SumOf(allocated)));
                break;
            }
            case "Project":
            {
                Expression<Func<Project, long?>> labor = p => p.LaborPayFen;
                Expression<Func<Project, long?>> invest = p => p.TotalInvestFen;
                Expression<Func<Project, long?>> benef = p => p.BenefHouseholds;
                var allocEntity = (EntityDef<FundAllocation>)WarehouseCatalogue.Default.Require("FundAllocation");
                FieldDef[] yigongDeps = [F("laborPay"), allocEntity.Field("amount")!, allocEntity.Field("sourceType")!];
                // The rule compares labour pay with the 以工代赈 money, not with all investment, and only where that money exists.
                Func<QuerySources, LambdaExpression> yigong = sources =>
                {
                    var allocs = sources.Scoped(allocEntity);
                    Expression<Func<Project, long?>> e = p => allocs.Where(a => a.ProjectCode == p.Code && a.SourceType == YigongFund).Sum(a => (long?)a.AmountFen);
                    return e;
                };
                yield return M("yigongFunds", MeasureOutput.Money, "以工代赈资金：项目下达的以工代赈资金合计（元）。Σ fund allocations of source type 以工代赈 to the group's projects, 元.", yigongDeps,
                    s => new SumOf(yigong(s)));
                yield return M("laborPayRatio", MeasureOutput.Fraction,
                    "以工代赈劳务报酬占比 = 劳务报酬 ÷ 以工代赈资金，仅以工代赈项目。Work-for-relief labour-pay ratio: Σ laborPay ÷ yigongFunds over the group's projects with 以工代赈 funds (0..1; null without them; the rule is ≥ 0.15).",
                    yigongDeps, s => new RatioOf(new SumOf(labor), new SumOf(yigong(s))));
                yield return M("beneficiariesPer10k", MeasureOutput.Fraction, "Beneficiary households per 万元 invested: Σ benefHouseholds ÷ (Σ totalInvest ÷ 10,000 元).", [F("benefHouseholds"), F("totalInvest")],
                    _ => new RatioOf(new SumOf(benef), new SumOf(invest), Scale: 1_000_000));
                break;
            }
            case "WelfarePost":
            {
                Expression<Func<WelfarePost, bool>> filled = p => p.HolderMemberId != null;
                Expression<Func<WelfarePost, long?>> paid = p => p.SubsidyPaidFen;
                Expression<Func<WelfarePost, long?>> due = p => p.SubsidyDueFen;
                yield return M("filled", MeasureOutput.Count, "Posts with a holder (holderMemberId not null); count is the posts funded.", [F("holderMemberId")], _ => new CountOf(filled));
                yield return M("subsidyPaidShare", MeasureOutput.Fraction, "Subsidy paid over due: Σ subsidyPaid ÷ Σ subsidyDue (0..1).", [F("subsidyPaid"), F("subsidyDue")],
                    _ => new RatioOf(new SumOf(paid), new SumOf(due)));
                break;
            }
        }
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

    private static Expression RegionName(QuerySources sources, Expression code)
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
