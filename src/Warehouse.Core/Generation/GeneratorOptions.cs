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

    /// <summary>Year the incomes refer to; prev_per_capita is for the year before.</summary>
    public int ReferenceYear { get; init; } = 2025;

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

        if (ReferenceYear is < 2021 or > 2100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ReferenceYear), ReferenceYear, string.Create(CultureInfo.InvariantCulture, $"ReferenceYear must be within 2021..2100."));
        }
    }
}
