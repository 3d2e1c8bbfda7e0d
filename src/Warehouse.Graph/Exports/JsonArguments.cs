using System.Text.Json;
using Warehouse.Querying;

namespace Warehouse.Exports;

/// <summary>
/// Reads the <c>where</c> and <c>order</c> query parameters (JSON, the shapes of the GraphQL arguments) into the
/// plain values the query layer takes: objects as <see cref="Dictionary{TKey,TValue}"/>, arrays as lists,
/// numbers as <see cref="long"/> or <see cref="decimal"/>, strings, booleans and null.
/// </summary>
internal static class JsonArguments
{
    /// <summary>Deepest JSON nesting accepted (the filter compiler has its own, lower, limit on filter depth).</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    public static IDictionary<string, object?>? Where(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Parse(text, "where", ErrorCodes.InvalidFilter) switch
        {
            null => null,
            IDictionary<string, object?> d => d,
            _ => throw new ExportProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidFilter,
                "where: expected a JSON object, e.g. {\"perCapitaNetIncome\":{\"lt\":8500}}."),
        };
    }

    /// <summary>A list of sort terms; a single term object is accepted as a list of one (as GraphQL input coercion does).</summary>
    public static IReadOnlyList<object?>? Order(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Parse(text, "order", ErrorCodes.InvalidOrder) switch
        {
            null => null,
            List<object?> list => list,
            IDictionary<string, object?> term => [term],
            _ => throw new ExportProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidOrder,
                "order: expected a JSON array, e.g. [{\"perCapitaNetIncome\":\"DESC\"}]."),
        };
    }

    public static object? Parse(string text, string parameter, string code)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Convert(document.RootElement, parameter, code);
        }
        catch (JsonException e)
        {
            throw new ExportProblem(StatusCodes.Status400BadRequest, code, $"{parameter}: not valid JSON ({e.Message}).");
        }
        catch (InvalidOperationException)
        {
            // A \uD800 escape without its pair is well-formed JSON but no string: GetString and property names throw
            // when they decode it. The caller's text is at fault, so it is their 400, not our 500.
            throw new ExportProblem(StatusCodes.Status400BadRequest, code,
                $"{parameter}: a string holds a lone surrogate escape (\\uD800-\\uDFFF without its pair), which is not text.");
        }
    }

    /// <summary>A JSON value as plain .NET values, recursively.</summary>
    public static object? Convert(JsonElement e, string path, string code) => e.ValueKind switch
    {
        JsonValueKind.Object => Object(e, path, code),
        JsonValueKind.Array => e.EnumerateArray().Select((item, i) => Convert(item, $"{path}[{i}]", code)).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l
            : e.TryGetDecimal(out var d) ? d
            : throw new ExportProblem(StatusCodes.Status400BadRequest, ErrorCodes.InvalidValue, $"{path}: number out of range."),
        _ => throw new ExportProblem(StatusCodes.Status400BadRequest, code, $"{path}: unexpected JSON value."),
    };

    private static Dictionary<string, object?> Object(JsonElement e, string path, string code)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            if (!result.TryAdd(property.Name, Convert(property.Value, $"{path}.{property.Name}", code)))
            {
                throw new ExportProblem(StatusCodes.Status400BadRequest, code, $"{path}: {property.Name} appears twice.");
            }
        }
        return result;
    }
}
