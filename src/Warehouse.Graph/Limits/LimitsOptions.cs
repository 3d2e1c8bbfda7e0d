namespace Warehouse.Limits;

/// <summary>
/// Request limits (configuration section <c>Warehouse:Limits</c>), with per-role overrides under
/// <c>Warehouse:Limits:Roles:&lt;role&gt;</c>. Going over any of them is a coded error, never a 500.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Warehouse:Limits";

    /// <summary>Deepest field nesting (introspection fields not counted).</summary>
    public int MaxDepth { get; set; } = 12;
    /// <summary>Largest estimated cost: each field costs 1, times the rows it may repeat for (first/last, or <see cref="ListFanOut"/> for nested
    /// lists).</summary>
    public double MaxComplexity { get; set; } = 100_000;
    /// <summary>Estimated rows per parent for a nested list (members of a household, beneficiaries of a project).</summary>
    public int ListFanOut { get; set; } = 10;
    /// <summary>Deepest nesting inside __schema/__type. The standard GraphiQL introspection query (typeDepth 9) is 14 deep.</summary>
    public int MaxIntrospectionDepth { get; set; } = 15;
    /// <summary>Largest estimated filter cost, in row tests (see <see cref="FilterCost"/>): rows scanned × tests per row.</summary>
    public double MaxFilterCost { get; set; } = 50_000_000;
    /// <summary>Rows a root list's filter is assumed to scan (the whole scope): the county's scale by default.</summary>
    public double ScannedRows { get; set; } = 100_000;
    public int MaxAliases { get; set; } = 30;
    /// <summary>Operation definitions in one document.</summary>
    public int MaxOperations { get; set; } = 5;
    /// <summary>Largest request body (POST) or query string (GET), in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
    /// <summary>Longest a request may run; the database command is cancelled when it is reached.</summary>
    public double TimeoutSeconds { get; set; } = 30;
    /// <summary>Introspection on or off; null means off in the Production environment and on in every other.</summary>
    public bool? Introspection { get; set; }
    /// <summary>Overrides per role name (county, township, village, admin); unset values keep the defaults above.</summary>
    public Dictionary<string, RoleLimits> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The limits in force for a role.</summary>
    public LimitsOptions For(string role)
    {
        if (!Roles.TryGetValue(role, out var o))
        {
            return this;
        }
        return new LimitsOptions
        {
            MaxDepth = o.MaxDepth ?? MaxDepth,
            MaxComplexity = o.MaxComplexity ?? MaxComplexity,
            MaxIntrospectionDepth = o.MaxIntrospectionDepth ?? MaxIntrospectionDepth,
            MaxFilterCost = o.MaxFilterCost ?? MaxFilterCost,
            ScannedRows = o.ScannedRows ?? ScannedRows,
            ListFanOut = ListFanOut,
            MaxAliases = o.MaxAliases ?? MaxAliases,
            MaxOperations = MaxOperations,
            MaxBodyBytes = MaxBodyBytes,
            TimeoutSeconds = o.TimeoutSeconds ?? TimeoutSeconds,
            Introspection = o.Introspection ?? Introspection,
        };
    }
}
