namespace Warehouse.Verification;

/// <summary>One offending row (or, for the structure rules, one offending view or column) in a rule's sample.</summary>
/// <param name="View">The API view, as the catalogue names it (households).</param>
/// <param name="Key">The row's key as text (null for a null key and for the structure rules).</param>
/// <param name="Column">The offending column.</param>
/// <param name="Value">The offending value as text, or what is wrong with the view or column.</param>
internal sealed record Offence(string View, string? Key, string Column, string? Value);
