namespace Warehouse.Generation;

/// <summary>A progress report of <see cref="CountyGenerator"/>, sent about every 5 % of the whole run and at the end of each table.</summary>
/// <param name="Table">The table being written.</param>
/// <param name="RowsSoFar">Rows written to that table so far.</param>
/// <param name="HouseholdsDone">Households processed in the current pass over households (0 for tables not generated per household).</param>
/// <param name="HouseholdsTotal">Households of the county.</param>
/// <param name="Percent">Estimated share of the whole run done, 0..100.</param>
public sealed record GenerationProgress(string Table, long RowsSoFar, int HouseholdsDone, int HouseholdsTotal, double Percent);
