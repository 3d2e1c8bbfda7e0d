namespace Warehouse.Aggregation;

// Fixed, typed slots that dynamic groupings and measures are bound to, so one GROUP BY of any shape is an
// ordinary EF Core LINQ query (member-init key, member-init result) that EF translates and parameterises.
// S = text, I = whole number (also year and yyyymm), D = date, B = yes/no; N = long measures, F = fractions.

/// <summary>The grouping key: up to <see cref="Capacity"/> keys per kind.</summary>
internal sealed class AggregateKey
{
    public const int Capacity = 6;

    public string? S0 { get; set; }
    public string? S1 { get; set; }
    public string? S2 { get; set; }
    public string? S3 { get; set; }
    public string? S4 { get; set; }
    public string? S5 { get; set; }
    public int? I0 { get; set; }
    public int? I1 { get; set; }
    public int? I2 { get; set; }
    public int? I3 { get; set; }
    public int? I4 { get; set; }
    public int? I5 { get; set; }
    public DateOnly? D0 { get; set; }
    public DateOnly? D1 { get; set; }
    public DateOnly? D2 { get; set; }
    public DateOnly? D3 { get; set; }
    public DateOnly? D4 { get; set; }
    public DateOnly? D5 { get; set; }
    public bool? B0 { get; set; }
    public bool? B1 { get; set; }
    public bool? B2 { get; set; }
    public bool? B3 { get; set; }
    public bool? B4 { get; set; }
    public bool? B5 { get; set; }
}

/// <summary>One result row of the GROUP BY: the keys again, then the measures.</summary>
internal sealed class AggregateRow
{
    public const int KeyCapacity = AggregateKey.Capacity;
    public const int LongCapacity = 32;
    public const int DoubleCapacity = 16;

    public string? S0 { get; set; }
    public string? S1 { get; set; }
    public string? S2 { get; set; }
    public string? S3 { get; set; }
    public string? S4 { get; set; }
    public string? S5 { get; set; }
    public int? I0 { get; set; }
    public int? I1 { get; set; }
    public int? I2 { get; set; }
    public int? I3 { get; set; }
    public int? I4 { get; set; }
    public int? I5 { get; set; }
    public DateOnly? D0 { get; set; }
    public DateOnly? D1 { get; set; }
    public DateOnly? D2 { get; set; }
    public DateOnly? D3 { get; set; }
    public DateOnly? D4 { get; set; }
    public DateOnly? D5 { get; set; }
    public bool? B0 { get; set; }
    public bool? B1 { get; set; }
    public bool? B2 { get; set; }
    public bool? B3 { get; set; }
    public bool? B4 { get; set; }
    public bool? B5 { get; set; }
    public long? N0 { get; set; }
    public long? N1 { get; set; }
    public long? N2 { get; set; }
    public long? N3 { get; set; }
    public long? N4 { get; set; }
    public long? N5 { get; set; }
    public long? N6 { get; set; }
    public long? N7 { get; set; }
    public long? N8 { get; set; }
    public long? N9 { get; set; }
    public long? N10 { get; set; }
    public long? N11 { get; set; }
    public long? N12 { get; set; }
    public long? N13 { get; set; }
    public long? N14 { get; set; }
    public long? N15 { get; set; }
    public long? N16 { get; set; }
    public long? N17 { get; set; }
    public long? N18 { get; set; }
    public long? N19 { get; set; }
    public long? N20 { get; set; }
    public long? N21 { get; set; }
    public long? N22 { get; set; }
    public long? N23 { get; set; }
    public long? N24 { get; set; }
    public long? N25 { get; set; }
    public long? N26 { get; set; }
    public long? N27 { get; set; }
    public long? N28 { get; set; }
    public long? N29 { get; set; }
    public long? N30 { get; set; }
    public long? N31 { get; set; }
    public double? F0 { get; set; }
    public double? F1 { get; set; }
    public double? F2 { get; set; }
    public double? F3 { get; set; }
    public double? F4 { get; set; }
    public double? F5 { get; set; }
    public double? F6 { get; set; }
    public double? F7 { get; set; }
    public double? F8 { get; set; }
    public double? F9 { get; set; }
    public double? F10 { get; set; }
    public double? F11 { get; set; }
    public double? F12 { get; set; }
    public double? F13 { get; set; }
    public double? F14 { get; set; }
    public double? F15 { get; set; }
}
