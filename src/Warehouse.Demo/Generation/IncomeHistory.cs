namespace Warehouse.Generation;

/// <summary>
/// The two years before the reference year, built backwards from the household's current components on a stream
/// of its own (so every other generated value stays as it was). Last year's total follows the household's previous
/// per-capita income; business income moves on its own, so that "business income fell by more than 20 %" (the
/// shock the city report names) happens to some households whose total income did not fall.
/// </summary>
internal static class IncomeHistory
{
    public static IncomeYear[] Build(int seed, HouseholdModel h, int referenceYear)
    {
        var rng = Rng.For(seed, Streams.IncomeHistory, h.Index);
        var now = new IncomeYear(referenceYear, h.Wage, h.Business, h.BusinessCost, h.Property, h.Transfer);
        var costRatio = h.Business > 0 ? (double)h.BusinessCost / h.Business : rng.Uniform(0.15, 0.5);

        // Last year: business net before this year's movement, the rest spread like this year's other components.
        var lastNet = h.PrevPerCapita * h.Size;
        double lastBusinessNet = now.BusinessNet > 0
            ? rng.Next(100) switch
            {
                < 10 => now.BusinessNet / (1.0 - rng.Uniform(0.21, 0.5)), // fell by more than 20 % this year
                < 18 => now.BusinessNet / (1.0 - rng.Uniform(0.03, 0.19)),
                _ => now.BusinessNet / (1.0 + rng.Uniform(0.0, 0.15)),
            }
            : rng.Chance(0.05) ? lastNet * rng.Uniform(0.1, 0.3) : 0.0; // a business given up this year
        lastBusinessNet = Math.Max(0, Math.Min(lastBusinessNet, 0.9 * lastNet));
        var last = Spread(referenceYear - 1, now, lastNet, (long)Math.Round(lastBusinessNet), costRatio);

        // The year before: ordinary growth of about 6 % a year, business with its own noise.
        var growth = Math.Max(-0.10, 0.06 + (0.05 * rng.Normal()));
        var olderNet = (long)Math.Round(last.Net / (1.0 + growth));
        var olderBusinessNet = Math.Min(last.BusinessNet / (1.0 + rng.Uniform(-0.10, 0.15)), 0.9 * Math.Max(0, olderNet));
        var older = Spread(referenceYear - 2, last, olderNet, (long)Math.Round(Math.Max(0, olderBusinessNet)), costRatio);
        return [older, last, now];
    }

    /// <summary>A year with the given net total and business net, the remainder split like <paramref name="like"/>.</summary>
    private static IncomeYear Spread(int year, IncomeYear like, long net, long businessNet, double costRatio)
    {
        var rest = Math.Max(0, net - businessNet);
        var basis = like.Wage + like.Property + like.Transfer;
        long wage, property;
        if (basis > 0)
        {
            wage = (long)Math.Floor((double)rest * like.Wage / basis);
            property = (long)Math.Floor((double)rest * like.Property / basis);
        }
        else
        {
            wage = 0;
            property = 0;
        }

        var transfer = rest - wage - property;
        var gross = businessNet > 0 ? (long)Math.Round(businessNet / (1.0 - costRatio)) : 0;
        return new IncomeYear(year, wage, gross, gross - businessNet, property, transfer);
    }
}
