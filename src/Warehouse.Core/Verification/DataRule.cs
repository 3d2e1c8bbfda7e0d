using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// A rule over the rows of a view: one parameter-free statement per view that returns the first offending rows as
/// (k: key as text, c: column, v: value as text, n: the number of offending rows in the whole view, the same on
/// every row), so counting and sampling take one pass.
/// </summary>
internal abstract class DataRule : Rule
{
    /// <summary>The statement for one entity's view, or null when the rule has nothing to check there (or cannot: a column it needs is missing).</summary>
    public abstract string? Statement(EntityDef entity, VerifyContext context);

    /// <summary>Adds what a sampled value means, where the rule can tell (region codes).</summary>
    public virtual string? Explain(EntityDef entity, string column, string? value, VerifyContext context) => value;
}
