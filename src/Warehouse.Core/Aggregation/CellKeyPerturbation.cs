namespace Warehouse.Aggregation;

/// <summary>
/// Cell-key perturbation, the method of the Australian Bureau of Statistics' TableBuilder (Fraser &amp; Wooton 2005,
/// "A proposed method for confidentialising tabular output to protect against differencing"; Thompson, Broadfoot
/// &amp; Elazar 2013, "Methodology for the automatic confidentialisation of statistical outputs from remote servers
/// at the Australian Bureau of Statistics"). Every record carries a fixed random key; a cell's key is the sum of
/// its records' keys; the noise added to the cell is a function of that key and the cell's value only. So the
/// same cell always gets the same noise (asking again averages nothing away), and two cells that differ by one
/// record get unrelated noise: their difference is noise, not that record.
/// </summary>
/// <remarks>
/// Pure code: the keys come from the database (SUM(record_key) per cell), the noise is drawn here.
/// Counts get integer noise from a fixed table (<see cref="CountNoise"/>), with mean 0 and the result never
/// negative; sums get noise proportional to the cell's largest single contribution (<see cref="PerturbSum"/>),
/// so removing one record moves the sum by that record's value plus noise of the same size.
/// </remarks>
internal static class CellKeyPerturbation
{
    /// <summary>Largest noise added to a count, either way.</summary>
    public const int MaxCountNoise = 2;

    /// <summary>Largest noise added to a sum, as a fraction of the cell's largest single contribution, either way.</summary>
    public const double SumNoiseFraction = 0.5;

    /// <summary>
    /// The count with its noise. Cells of 0 stay 0 (they do not exist). For 1 the noise is −1, 0 or +1 (0.3, 0.4,
    /// 0.3); from 2 on it is −2..+2 (0.1, 0.2, 0.4, 0.2, 0.1): mean 0, variance 0.6 and 1.2.
    /// </summary>
    /// <param name="count">The true count.</param>
    /// <param name="cellKey">Sum of the record keys of the records counted.</param>
    /// <param name="stream">Separates the draws of different measures of one cell (see <see cref="Stream"/>).</param>
    public static long PerturbCount(long count, long cellKey, ulong stream) =>
        count <= 0 ? 0 : Math.Max(0, count + CountNoise(count, Uniform(cellKey, stream)));

    /// <summary>The noise for a count from a uniform draw in [0, 1).</summary>
    public static int CountNoise(long count, double u)
    {
        if (count <= 0)
        {
            return 0;
        }
        if (count == 1)
        {
            return u < 0.3 ? -1 : u < 0.7 ? 0 : 1;
        }
        return u < 0.1 ? -2 : u < 0.3 ? -1 : u < 0.7 ? 0 : u < 0.9 ? 1 : 2;
    }

    /// <summary>
    /// The sum with noise of at most ±<see cref="SumNoiseFraction"/> × the largest absolute contribution, rounded
    /// to a whole stored unit (fen for money).
    /// </summary>
    /// <param name="sum">The true sum.</param>
    /// <param name="largest">The largest absolute value among the records summed.</param>
    /// <param name="cellKey">Sum of the record keys of the cell.</param>
    /// <param name="stream">Separates the draws of different measures of one cell.</param>
    public static long PerturbSum(long sum, long largest, long cellKey, ulong stream)
    {
        var u = Uniform(cellKey, stream);
        return sum + (long)Math.Round((2 * u - 1) * SumNoiseFraction * Math.Abs((double)largest), MidpointRounding.AwayFromZero);
    }

    /// <summary>A uniform draw in [0, 1) determined by the cell key and the stream (SplitMix64 finaliser).</summary>
    public static double Uniform(long cellKey, ulong stream)
    {
        var z = unchecked((ulong)cellKey + stream * 0x9E3779B97F4A7C15UL + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A stable stream number for a name (FNV-1a; string.GetHashCode changes between processes).</summary>
    public static ulong Stream(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return hash;
    }
}
