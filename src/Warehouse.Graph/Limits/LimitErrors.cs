namespace Warehouse.Limits;

/// <summary>Error codes of the request limits.</summary>
internal static class LimitErrors
{
    public const string MaxDepth = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexity = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxAliases = "MAX_ALIASES_EXCEEDED";
    public const string MaxOperations = "MAX_OPERATIONS_EXCEEDED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string Timeout = "QUERY_TIMEOUT";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    /// <summary>The first limit a measured document breaks, or null.</summary>
    public static (string Code, string Message)? Check(QueryMetrics m, LimitsOptions limits, bool introspectionEnabled, string role)
    {
        if (m.Operations > limits.MaxOperations)
        {
            return (MaxOperations, $"The document has {m.Operations} operations; at most {limits.MaxOperations} are allowed.");
        }
        if (m.Depth > limits.MaxDepth)
        {
            return (MaxDepth, $"The query nests {m.Depth} levels deep; role {role} may nest at most {limits.MaxDepth}.");
        }
        if (m.IntrospectionDepth > limits.MaxIntrospectionDepth)
        {
            return (MaxDepth,
                $"The introspection query nests {m.IntrospectionDepth} levels deep; role {role} may nest introspection at most " +
                $"{limits.MaxIntrospectionDepth}.");
        }
        if (m.Aliases > limits.MaxAliases)
        {
            return (MaxAliases, $"The query uses {m.Aliases} aliases; role {role} may use at most {limits.MaxAliases}.");
        }
        if (m.Complexity > limits.MaxComplexity)
        {
            var cost = double.IsInfinity(m.Complexity)
                ? "unbounded"
                : m.Complexity.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            var most = limits.MaxComplexity.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            return (MaxComplexity,
                $"The query's estimated cost is {cost}; role {role} may spend at most {most}. Ask for fewer rows (first/last) or fewer nested lists.");
        }
        if (m.FilterCost > limits.MaxFilterCost)
        {
            return (MaxComplexity, FilterCost.Message(m.CostliestFilter ?? "a list", m.FilterCost, limits, role));
        }
        if (m.UsesIntrospection && !introspectionEnabled)
        {
            return (IntrospectionDisabled, "Introspection is switched off on this server.");
        }
        return null;
    }
}
