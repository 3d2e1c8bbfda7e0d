namespace Warehouse.Verification;

/// <summary>Settings of one verify run.</summary>
public sealed class VerifyOptions
{
    /// <summary>The first offending rows kept per rule (and fetched per rule and view).</summary>
    public int Sample { get; init; } = 5;

    /// <summary>
    /// Today, for the upper date bound (the CLI passes the UTC date; tests fix it). The bounds are written into the
    /// statements as literals, so every statement is parameter-free and can be read, run or bound as it is.
    /// </summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Earliest plausible date: 1900-01-01. Nobody registered by the warehouse was born before 1900, and no project,
    /// payment or visit predates it; an earlier date is a placeholder (0001-01-01, 1800-01-01) or a typing error.
    /// </summary>
    public DateOnly MinDate { get; init; } = new(1900, 1, 1);

    /// <summary>
    /// How far ahead a date may lie: 10 years. Planned project ends, post terms and standards' validity lie a few
    /// years ahead at most; 9999-12-31 style "open end" placeholders must be stored as null instead.
    /// </summary>
    public int FutureYears { get; init; } = 10;

    /// <summary>Latest plausible date (inclusive).</summary>
    public DateOnly MaxDate => Today.AddYears(FutureYears);
}
