namespace Warehouse.Verification;

/// <summary>One condition a row offends by: the column named in the report, the predicate on alias <c>t</c>, the value shown.</summary>
internal sealed record RowCondition(string Column, string Predicate, string Value);
