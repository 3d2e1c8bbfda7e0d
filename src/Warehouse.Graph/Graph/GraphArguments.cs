using GraphQL;
using Warehouse.Querying;

namespace Warehouse.Graph;

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

    /// <summary>The root field's report date for as-of conditions; null: today by the server's clock.</summary>
    public static DateOnly? AsOf(IResolveFieldContext context) =>
        context.Arguments?.TryGetValue("asOf", out var v) == true ? v.Value as DateOnly? : null;

    /// <summary>The asOf argument of list and aggregate root fields.</summary>
    public static GraphQL.Types.QueryArgument AsOfArgument() =>
        new GraphQL.Types.QueryArgument<GraphQL.Types.DateOnlyGraphType>
        {
            Name = "asOf",
            Description = "报告日期 Report date (yyyy-MM-dd) that the filter's as-of conditions count from (ageOnAsOf, daysSince…, …OnAsOf, …ThisYear); "
                + "default: today by the server's clock. It changes nothing else: row scope and the minors rule always use today.",
        };

    public static string? String(IResolveFieldContext context, string name) =>
        context.Arguments?.TryGetValue(name, out var v) == true ? v.Value as string : null;
}
