using System.Globalization;

namespace Warehouse.Generation;

/// <summary>Options of the synthetic county generator. The same options always give byte-identical data.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of households (1..1,000,000).</summary>
    public int Households { get; init; } = 30_000;

    /// <summary>Seed of the pseudo-random streams.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Six-digit county code (the 6-digit area code of ID numbers as well).</summary>
    public string CountyCode { get; init; } = "139901";

    /// <summary>County name; its first character is used in fund document numbers.</summary>
    public string CountyName { get; init; } = "演示县";

    /// <summary>
    /// The date the county is generated as of ("today" for its data): no payment, visit, report or start lies after
    /// it, and its year is the reference year (incomes, jobs and posts of the year; prev_per_capita is for the year
    /// before). Null: today by the clock given to <see cref="CountyGenerator.Generate"/> (the system clock unless the
    /// host passes its own), so the demo county stays current. Set it to get the same data on any day.
    /// </summary>
    public DateOnly? ReferenceDate { get; init; }

    /// <summary>The year of <see cref="ReferenceDate"/>; only defined once the date is set.</summary>
    public int ReferenceYear => ReferenceDate?.Year ?? throw new InvalidOperationException(
        "ReferenceDate is not set; CountyGenerator.Generate resolves it from the clock.");

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> when an option is invalid.</summary>
    public void Validate()
    {
        if (Households is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Households), Households, "Households must be within 1..1,000,000.");
        }

        if (CountyCode is null || CountyCode.Length != 6 || !CountyCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("CountyCode must be exactly 6 ASCII digits.", nameof(CountyCode));
        }

        if (string.IsNullOrWhiteSpace(CountyName))
        {
            throw new ArgumentException("CountyName must not be empty.", nameof(CountyName));
        }

        if (ReferenceDate is { } date && date.Year is < 2022 or > 2100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ReferenceDate), date, string.Create(CultureInfo.InvariantCulture, $"ReferenceDate must be within 2022..2100."));
        }
    }
}
