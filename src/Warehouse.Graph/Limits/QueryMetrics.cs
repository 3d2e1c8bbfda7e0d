namespace Warehouse.Limits;

/// <summary>What a document costs before it runs.</summary>
internal sealed record QueryMetrics(int Depth, double Complexity, int Aliases, int Operations, bool UsesIntrospection)
{
    /// <summary>Deepest nesting inside __schema/__type (measured apart from <see cref="Depth"/>).</summary>
    public int IntrospectionDepth { get; init; }
    /// <summary>Estimated row tests of all where filters (see <see cref="Limits.FilterCost"/>).</summary>
    public double FilterCost { get; init; }
    /// <summary>The field whose filter costs most, named in the error.</summary>
    public string? CostliestFilter { get; init; }
    /// <summary>Some cost came from a variable (first/last, where): measured without values, it holds for no request.</summary>
    public bool ReadsVariables { get; init; }
}
