using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>A feature that adds root fields to the role schemas (e.g. permissions and administration).</summary>
public interface ISchemaContributor
{
    void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin);

    /// <summary>The same, for contributors whose types depend on the role's field grants (aggregates).</summary>
    void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin, PermissionSnapshot permissions) =>
        Contribute(schema, query, ref mutation, dataRole, isAdmin);
}
