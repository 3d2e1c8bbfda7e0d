using System.Linq.Expressions;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Aggregation;

/// <summary>How a grouping key's value is computed and shown.</summary>
public enum KeyKind
{
    /// <summary>Text (codes, vocabulary values, region names, region level).</summary>
    Text,
    /// <summary>Whole number (int fields, the YEAR of a date).</summary>
    Int,
    /// <summary>A date.</summary>
    Date,
    /// <summary>Yes/no.</summary>
    Boolean,
    /// <summary>The MONTH of a date: grouped as yyyy*100+mm, shown as "yyyy-MM".</summary>
    Month,
}

/// <summary>What a measure's value is and how it is shown.</summary>
public enum MeasureOutput
{
    /// <summary>A number of rows (or of distinct values): Int.</summary>
    Count,
    /// <summary>Sum, minimum or maximum of a whole-number field: Decimal (a whole number).</summary>
    Number,
    /// <summary>Sum, minimum or maximum of a money field: Decimal 元 (stored as fen, divided by 100).</summary>
    Money,
    /// <summary>Average of a whole-number field, or a rate (0..1): Float.</summary>
    Fraction,
    /// <summary>Average of a money field: Float 元.</summary>
    MoneyAverage,
}

/// <summary>Aggregate operators.</summary>
public enum MeasureOp
{
    Count,
    CountDistinct,
    Sum,
    Avg,
    Min,
    Max,
    /// <summary>The 0.50 continuous percentile (PERCENTILE_CONT(0.5)); see <see cref="Percentiles"/>.</summary>
    Median,
    /// <summary>The 0.25 continuous percentile.</summary>
    P25,
    /// <summary>The 0.75 continuous percentile.</summary>
    P75,
    /// <summary>The 0.90 continuous percentile.</summary>
    P90,
    /// <summary>A named measure defined in <see cref="AggregateCatalogue"/> (rates and conditional counts).</summary>
    Derived,
}

/// <summary>
/// One grouping key of an entity: a groupable field, a region name (via the regions view), or the YEAR or
/// MONTH of a date field. <see cref="Field"/> is the field whose permission decides whether a role may use it.
/// </summary>
public sealed class GroupKeyDef
{
    private readonly Func<ParameterExpression, QuerySources, Expression> _build;

    /// <summary>Made by the catalogue only: the expression builder reads <see cref="QuerySources"/>, which is Core's own.</summary>
    internal GroupKeyDef(string id, string enumName, string description, KeyKind kind, FieldDef field,
        Func<ParameterExpression, QuerySources, Expression> build)
    {
        Id = id;
        EnumName = enumName;
        Description = description;
        Kind = kind;
        Field = field;
        _build = build;
    }

    /// <summary>Id: the field name in the keys object (townshipName, monitoredAtYear).</summary>
    public string Id { get; }
    /// <summary>GraphQL enum value (TOWNSHIP_NAME, MONITORED_AT_YEAR).</summary>
    public string EnumName { get; }
    public string Description { get; }
    public KeyKind Kind { get; }
    public FieldDef Field { get; }

    /// <summary>The key's SQL-translatable expression over a row.</summary>
    internal Expression Build(ParameterExpression row, QuerySources sources) => _build(row, sources);
}

/// <summary>A group-level aggregate used by named measures.</summary>
internal abstract record GroupAgg;

/// <summary>COUNT(*), or the number of rows matching a predicate (COUNT(CASE WHEN ... THEN 1 END)).</summary>
internal sealed record CountOf(LambdaExpression? Where) : GroupAgg;

/// <summary>SUM of a long? selector (the selector may hold a scoped correlated subquery).</summary>
internal sealed record SumOf(LambdaExpression Selector) : GroupAgg;

/// <summary>Numerator × scale ÷ denominator, null when the denominator is 0 (computed in SQL).</summary>
internal sealed record RatioOf(GroupAgg Numerator, GroupAgg Denominator, double Scale = 1) : GroupAgg;

/// <summary>One measure: an operator over a field, or a named measure with its definition.</summary>
public sealed class MeasureDef
{
    internal MeasureDef(string id, string enumName, MeasureOp op, FieldDef? field, IReadOnlyList<FieldDef> dependsOn,
        MeasureOutput output, string description, Func<QuerySources, GroupAgg>? derived = null)
    {
        Id = id;
        EnumName = enumName;
        Op = op;
        Field = field;
        DependsOn = dependsOn;
        Output = output;
        Description = description;
        Derived = derived;
    }

    /// <summary>count, countDistinct.villageCode, sum.netIncome, employmentRate ...</summary>
    public string Id { get; }
    /// <summary>GraphQL enum value for having and order (COUNT, SUM_NET_INCOME, EMPLOYMENT_RATE).</summary>
    public string EnumName { get; }
    public MeasureOp Op { get; }
    public FieldDef? Field { get; }
    /// <summary>Fields the measure reads: the role must hold each FULL or aggregate-only.</summary>
    public IReadOnlyList<FieldDef> DependsOn { get; }
    public MeasureOutput Output { get; }
    public string Description { get; }
    internal Func<QuerySources, GroupAgg>? Derived { get; }

    /// <summary>
    /// The percentile's fraction (0.5 for the median), or null for other operators. Percentiles are not computed in
    /// the GROUP BY: <see cref="AggregateQuery"/> reads the group's values and interpolates (<see cref="Percentiles"/>).
    /// </summary>
    public double? Percentile => Percentiles.Fraction(Op);

    /// <summary>True when the value is a fraction (double slot); otherwise a long slot.</summary>
    public bool IsDouble => Output is MeasureOutput.Fraction or MeasureOutput.MoneyAverage;

    /// <summary>Having/order thresholds are given as shown (元, counts, fractions); money is compared in fen.</summary>
    public double StoredScale => Output is MeasureOutput.Money or MeasureOutput.MoneyAverage ? 100d : 1d;
}
