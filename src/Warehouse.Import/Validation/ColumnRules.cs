namespace Warehouse.Import.Validation;

/// <summary>What a mapping file adds to a column: a value map (its spelling → the vocabulary's), a money unit, date formats.</summary>
internal sealed record ColumnRules
{
    public static readonly ColumnRules None = new();

    public IReadOnlyDictionary<string, string>? Values { get; init; }
    /// <summary>Value of 1 in the column's unit, in 元 (10000 for 万元).</summary>
    public decimal UnitYuan { get; init; } = 1m;
    public IReadOnlyList<string>? DateFormats { get; init; }
}
