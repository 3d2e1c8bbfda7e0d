namespace Warehouse.Api.Limits;

/// <summary>What a document costs before it runs.</summary>
public sealed record QueryMetrics(int Depth, double Complexity, int Aliases, int Operations, bool UsesIntrospection);
