using GraphQL.Types;

namespace Warehouse.Api.Graph;

/// <summary>A feature that adds root fields to the role schemas (e.g. permissions and administration).</summary>
public interface ISchemaContributor
{
    void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin);
}
