namespace Warehouse.Verification;

/// <summary>One check of the contract. Rules are driven by the catalogue: none lists views or columns by hand.</summary>
internal abstract class Rule
{
    /// <summary>Short stable name (view-exists, key-unique, …), as printed and in --json.</summary>
    public abstract string Name { get; }
    public abstract Severity Severity { get; }
    /// <summary>One line: what the rule demands.</summary>
    public abstract string Description { get; }
}
