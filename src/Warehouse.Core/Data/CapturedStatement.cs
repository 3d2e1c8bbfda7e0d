namespace Warehouse.Data;

/// <summary>One statement a request sent: its text (placeholders, never values) and its parameters for re-binding.</summary>
/// <param name="Text">The command text as sent.</param>
/// <param name="Parameters">Name, value and type of each parameter; kept in memory to bind the plan request, never shown.</param>
public sealed record CapturedStatement(string Text, IReadOnlyList<CapturedParameter> Parameters);
