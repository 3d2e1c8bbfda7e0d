using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Aggregation;

/// <summary>
/// Compares the groups of an aggregate with the rows of plain SQL: each group is flattened to its leaf values in
/// selection order (keys, then measures) and each SQL row to its columns in order; numbers compare to 6 decimals,
/// booleans as 0/1.
/// </summary>
internal static class AggregateAssert
{
    public static List<List<string>> Groups(JsonNode aggregate) =>
        aggregate["groups"]!.AsArray().Select(g => Leaves(g!).ToList()).ToList();

    public static List<List<string>> Rows(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Connect();
        using var cmd = Sql.Command(db, c, sql, parameters);
        using var r = cmd.ExecuteReader();
        var rows = new List<List<string>>();
        while (r.Read())
        {
            var row = new List<string>();
            for (var i = 0; i < r.FieldCount; i++)
            {
                row.Add(r.IsDBNull(i) ? "null" : Norm(r.GetValue(i)));
            }
            rows.Add(row);
        }
        return rows;
    }

    public static void Equal(TestDatabase db, JsonNode aggregate, string sql, params (string Name, object Value)[] parameters)
    {
        var expected = Rows(db, sql, parameters);
        var actual = Groups(aggregate);
        Assert.True(expected.Count == actual.Count,
            $"{actual.Count} groups, SQL has {expected.Count} rows.\nfirst actual: {Show(actual)}\nfirst expected: {Show(expected)}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].SequenceEqual(actual[i]), $"group {i}: graph [{string.Join(", ", actual[i])}] ≠ SQL [{string.Join(", ", expected[i])}]");
        }
    }

    /// <summary>
    /// For protected aggregates: the same groups as SQL (key columns are the non-numeric leading ones), each number
    /// within <paramref name="tolerance"/> of the SQL value. Groups SQL has but the graph withheld are allowed only
    /// when their true size (the first number) is below 5 + tolerance, or, when <c>lastIsHouseholds</c> (the other overload),
    /// their number of distinct households (the SQL's last column, not compared) is: k applies to both
    /// (docs/security.md, "Small groups are withheld whole").
    /// </summary>
    public static void Near(TestDatabase db, JsonNode aggregate, string sql, double tolerance, params (string Name, object Value)[] parameters) =>
        Near(db, aggregate, sql, tolerance, false, parameters);

    public static void Near(TestDatabase db, JsonNode aggregate, string sql, double tolerance, bool lastIsHouseholds,
        params (string Name, object Value)[] parameters)
    {
        var expected = Rows(db, sql, parameters);
        List<string>? households = null;
        if (lastIsHouseholds)
        {
            households = expected.Select(r => r[^1]).ToList();
            expected = expected.Select(r => r.Take(r.Count - 1).ToList()).ToList();
        }

        var rowIndex = -1;
        var actual = aggregate["groups"]!.AsArray().Select(g => Leaves(g!).ToList()).ToList();
        // The flags before the groups (protected, withheldGroups) are not leaves of groups, so rows align by keys.
        static bool Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        foreach (var row in expected)
        {
            rowIndex++;
            var keyCount = row.TakeWhile(v => !Number(v) || v.Length > 6).Count();
            var match = actual.FirstOrDefault(a => a.Take(keyCount).SequenceEqual(row.Take(keyCount)));
            if (match is null)
            {
                var small = double.Parse(row[keyCount], CultureInfo.InvariantCulture) < 5 + tolerance
                    || (households is not null && double.Parse(households[rowIndex], CultureInfo.InvariantCulture) < 5 + tolerance);
                Assert.True(small, $"group [{string.Join(", ", row)}] is missing");
                continue;
            }
            for (var i = keyCount; i < row.Count; i++)
            {
                Assert.InRange(double.Parse(match[i], CultureInfo.InvariantCulture), double.Parse(row[i], CultureInfo.InvariantCulture) - tolerance,
                    double.Parse(row[i], CultureInfo.InvariantCulture) + tolerance);
            }
        }
        Assert.True(actual.Count <= expected.Count);
    }

    private static string Show(List<List<string>> rows) => rows.Count == 0 ? "(none)" : string.Join(", ", rows[0]);

    public static IEnumerable<string> Leaves(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    foreach (var leaf in child is null ? ["null"] : Leaves(child))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var leaf in Leaves(child!))
                    {
                        yield return leaf;
                    }
                }
                break;
            case JsonValue v:
                yield return v.GetValueKind() switch
                {
                    JsonValueKind.Number => Norm(v.GetValue<double>()),
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    JsonValueKind.Null => "null",
                    _ => v.GetValue<string>(),
                };
                break;
        }
    }

    private static string Norm(object value) => value switch
    {
        long or int or double or decimal => Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture), 6).ToString("R", CultureInfo.InvariantCulture),
        _ => Sql.Text(value)!,
    };

    public static string Json(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
