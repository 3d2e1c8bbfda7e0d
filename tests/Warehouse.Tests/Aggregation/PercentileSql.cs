using System.Globalization;

namespace Warehouse.Tests.Aggregation;

/// <summary>
/// PERCENTILE_CONT written in plain, portable SQL (SQLite has none), independently of the engine: window functions number each
/// group's non-null values 0..n-1 in order, and the percentile is the weighted sum of the values at ranks ⌊h⌋ and ⌊h⌋+1,
/// h = p × (n − 1). The tests compare the graph's percentiles with this.
/// </summary>
public static class PercentileSql
{
    /// <summary>SELECT k0, k1, …, p0, p1, … FROM rows GROUP BY the keys: one row per key combination with a non-null value.</summary>
    public static string Per(string rows, string[] keys, string value, params double[] ps)
    {
        var partition = keys.Length == 0 ? "" : "PARTITION BY " + string.Join(", ", keys);
        var keyColumns = keys.Select((k, i) => $"{k} AS k{i}, ");
        var inner = $"SELECT {string.Concat(keyColumns)}{value} AS v, ROW_NUMBER() OVER ({partition} ORDER BY {value}) - 1 AS i, COUNT(*) OVER " +
            $"({partition}) AS n "
            + $"FROM {rows} AS src WHERE {value} IS NOT NULL";
        var columns = ps.Select((p, j) =>
        {
            var h = $"({p.ToString(CultureInfo.InvariantCulture)} * (n - 1))";
            // ⌊h⌋ in integer arithmetic (integer division truncates in every dialect; a CAST to integer rounds on
            // PostgreSQL), p taken to four decimals.
            var lo = $"(((n - 1) * {Math.Round(p * 10000).ToString(CultureInfo.InvariantCulture)}) / 10000)";
            return $"SUM(CASE WHEN i = {lo} THEN v * (1 - ({h} - {lo})) WHEN i = {lo} + 1 THEN v * ({h} - {lo}) ELSE 0 END) AS p{j}";
        });
        var groupKeys = keys.Select((_, i) => $"k{i}").ToList();
        return $"SELECT {string.Concat(groupKeys.Select(k => k + ", "))}{string.Join(", ", columns)} FROM ({inner}) AS ranked"
            + (groupKeys.Count == 0 ? "" : " GROUP BY " + string.Join(", ", groupKeys));
    }
}
