using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>A rule over the views and columns the database reports (no statement of its own).</summary>
internal abstract class SchemaRule : Rule
{
    /// <summary>The offending views or columns of one entity's view.</summary>
    public abstract IEnumerable<Offence> Check(EntityDef entity, VerifyContext context);
}
