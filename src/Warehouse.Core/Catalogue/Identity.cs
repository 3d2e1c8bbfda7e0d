namespace Warehouse.Catalogue;

/// <summary>
/// How much a field says about who a person is, for statistical disclosure control. Over rows a reader may not
/// read one by one (see docs/security.md, "Aggregates: the privacy model"), identifying fields are never group
/// keys and never filter terms, at any depth of the filter.
/// </summary>
internal enum Identity
{
    /// <summary>Says nothing about a person (codes of published things, amounts of public funds).</summary>
    None,
    /// <summary>
    /// Identifies nobody alone, but a combination may (gender, ethnicity, relation, education, birth year):
    /// usable in protected aggregates, whose cells are perturbed and withheld below k.
    /// </summary>
    QuasiIdentifying,
    /// <summary>Points at one person or household: ids and references to them, names, ID numbers, phones, accounts, exact birth dates, addresses,
    /// precise locations.</summary>
    Identifying,
}
