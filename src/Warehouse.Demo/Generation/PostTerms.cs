namespace Warehouse.Generation;

/// <summary>Terms of a public-welfare post, a pure function of (seed, holder) so every pass agrees on them.</summary>
internal sealed class PostTerms
{
    private static readonly string[] Types = ["村庄保洁员", "生态护林员", "治安协管员", "劳动保障协理员", "看护员", "设施维护员"];
    private static readonly int[] TypeWeights = [35, 25, 12, 8, 12, 8];
    private static readonly string[] Funds = ["衔接资金", "地方财政", "其他"];
    private static readonly int[] FundWeights = [70, 25, 5];

    public required string Type { get; init; }
    public required string FundSource { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required long Monthly { get; init; }
    public required bool FullTime { get; init; }
    public required long Due { get; init; }
    public required long Paid { get; init; }

    /// <summary>Months worked in the reference year.</summary>
    public int Months => Math.Min(12, Fmt.MonthsBetween(Start, End.AddDays(1)));

    public static PostTerms For(int seed, Timeline time, long key)
    {
        var year = time.Year;
        var rng = Rng.For(seed, Streams.Post, key);
        var type = Types[rng.Weighted(TypeWeights)];
        var fund = Funds[rng.Weighted(FundWeights)];
        // A post of the year has started by the reference date; its term end is a plan and may lie after it.
        var start = time.FactMonth(new DateOnly(year, rng.Chance(0.7) ? 1 : rng.Range(2, 6), 1));
        var endKind = rng.Next(10);
        var end = endKind switch
        {
            < 6 => new DateOnly(year, 12, 31),
            < 8 => new DateOnly(year, 12, rng.Range(1, 30)),
            _ => new DateOnly(year, rng.Range(Math.Max(start.Month + 2, 6), 11), 1).AddMonths(1).AddDays(-1),
        };
        var monthly = rng.Range(6, 16) * 5000L; // 300..800 元 in 50 元 steps
        // Subsidy falls due month by month up to the reference date's month (1 December at the latest).
        var cutoff = time.Now.Month == 12 ? new DateOnly(year, 12, 1) : new DateOnly(year, time.Now.Month, 1);
        var until = end.AddDays(1) < cutoff ? end.AddDays(1) : cutoff;
        var due = Fmt.MonthsBetween(start, until) * monthly;
        var paid = rng.Chance(0.85) ? due : Math.Max(0, due - (rng.Range(1, 2) * monthly));
        return new PostTerms
        {
            Type = type,
            FundSource = fund,
            Start = start,
            End = end,
            Monthly = monthly,
            FullTime = rng.Chance(0.2),
            Due = due,
            Paid = paid,
        };
    }

    /// <summary>Key of the post held by a member.</summary>
    public static long KeyOf(int householdIndex, int memberNo) => ((long)householdIndex * 16) + memberNo;
}
