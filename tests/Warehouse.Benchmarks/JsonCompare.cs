using System.Text.Json;
using System.Text.Json.Nodes;

namespace Warehouse.Benchmarks;

/// <summary>JSON comparison for "the same JSON": structure, strings and numbers (numbers with a relative tolerance).</summary>
public static class JsonCompare
{
    public static string? Difference(string ours, string baseline)
    {
        JsonNode? a, b;
        try
        {
            a = JsonNode.Parse(ours);
            b = JsonNode.Parse(baseline);
        }
        catch (JsonException e)
        {
            return "not JSON: " + e.Message;
        }
        return Compare(a, b, "$");
    }

    private static string? Compare(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                if (!x.Select(p => p.Key).SequenceEqual(y.Select(p => p.Key)))
                {
                    return $"{path}: keys [{string.Join(",", x.Select(p => p.Key))}] vs [{string.Join(",", y.Select(p => p.Key))}]";
                }
                foreach (var (key, value) in x)
                {
                    if (Compare(value, y[key], path + "." + key) is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return $"{path}: {x.Count} items vs {y.Count}";
                }
                for (var i = 0; i < x.Count; i++)
                {
                    if (Compare(x[i], y[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                var (p, q) = (x.GetValue<double>(), y.GetValue<double>());
                return Math.Abs(p - q) <= 1e-9 * Math.Max(1, Math.Abs(q)) ? null : $"{path}: {p} vs {q}";
            default:
                return a?.ToJsonString() == b?.ToJsonString() ? null : $"{path}: {a?.ToJsonString()} vs {b?.ToJsonString()}";
        }
    }
}
