using GraphQLParser.AST;
using Warehouse.Catalogue;

namespace Warehouse.Graph;

/// <summary>Maps the GraphQL fields selected on an entity to the CLR properties (view columns) to read.</summary>
internal static class PropertyPlanner
{
    public static IReadOnlyCollection<string> Properties(EntityDef entity, IEnumerable<GraphQLField> selected)
    {
        var properties = new HashSet<string>(StringComparer.Ordinal) { entity.Key.Property.Name };
        foreach (var field in selected)
        {
            var name = field.Name.StringValue;
            if (entity.Field(name) is { } f)
            {
                properties.Add(f.Property.Name);
                properties.UnionWith(f.DependsOn);
            }
            else if (entity.Relation(name) is { } r)
            {
                properties.Add(r.ParentKey);
            }
        }
        return properties;
    }
}
