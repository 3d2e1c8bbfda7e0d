namespace Warehouse.Import.Specs;

/// <summary>
/// A reference from an import column to another entity's key. The referenced row may come from the same load
/// or already be in the warehouse. <see cref="Copies"/> fill the denormalised columns (region codes, the
/// member's household) from the referenced row, so a file never has to repeat them and can never contradict them.
/// </summary>
/// <param name="Target">The referenced entity's import name (households, members, ...).</param>
/// <param name="Copies">Pairs (column of the referenced row, column of this row) filled from the reference.</param>
internal sealed record ReferenceSpec(string Target, IReadOnlyList<(string From, string To)> Copies)
{
    /// <summary>Pairs (column of the referenced row, column of this row) that must be equal (a member of that household).</summary>
    public IReadOnlyList<(string From, string To)> MustMatch { get; init; } = [];
}
