using GraphQL;
using Warehouse.Querying;

namespace Warehouse.Api.Graph;

/// <summary>Reads the untyped where/order arguments as the query layer expects them.</summary>
internal static class GraphArguments
{
    public static IDictionary<string, object?>? Where(IResolveFieldContext context) =>
        context.Arguments?.TryGetValue("where", out var v) == true ? v.Value as IDictionary<string, object?> : null;

    public static IReadOnlyList<object?>? Order(IResolveFieldContext context) =>
        context.Arguments?.TryGetValue("order", out var v) == true && v.Value is not null
            ? v.Value as IReadOnlyList<object?> ?? (v.Value as IEnumerable<object?>)?.ToList()
              ?? throw new QueryException(ErrorCodes.InvalidOrder, "order: expected a list.")
            : null;

    public static int? Int(IResolveFieldContext context, string name) =>
        context.Arguments?.TryGetValue(name, out var v) == true ? v.Value as int? : null;

    public static string? String(IResolveFieldContext context, string name) =>
        context.Arguments?.TryGetValue(name, out var v) == true ? v.Value as string : null;
}
