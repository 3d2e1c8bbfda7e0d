using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Turns the <c>fields</c> parameter into an <see cref="ExportPlan"/> under the reader's permissions: every field
/// of the entity the role can read when it is absent, otherwise the names given (GraphQL field names, or
/// <c>reference.field</c> through a single reference). Every unknown or hidden name is reported at once.
/// </summary>
internal static class ExportPlanner
{
    /// <summary>Most columns one export may ask for.</summary>
    public const int MaxColumns = 200;

    public static ExportPlan Plan(EntityDef entity, AccessContext access, string? fields)
    {
        var names = string.IsNullOrWhiteSpace(fields)
            ? [.. entity.Fields.Where(f => access.GrantFor(f).Access != Access.Hidden).Select(f => f.Name)]
            : fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > MaxColumns)
        {
            throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.UnknownField, $"fields: at most {MaxColumns} names.");
        }
        var columns = new List<ExportColumn>();
        var errors = new List<ExportError>();
        var relations = new List<RelationDef>();
        var relationProperties = new List<HashSet<string>>();
        var rootProperties = new HashSet<string>(StringComparer.Ordinal) { entity.Key.Property.Name };
        foreach (var name in names)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                if (Resolve(entity, name, name, access, errors) is { } field)
                {
                    columns.Add(new ExportColumn(name, field, null, -1));
                    rootProperties.Add(field.Property.Name);
                    rootProperties.UnionWith(field.DependsOn);
                }
                continue;
            }
            var relationName = name[..dot];
            var rest = name[(dot + 1)..];
            var relation = entity.Relation(relationName);
            if (relation is null || !relation.Target.Exposed)
            {
                errors.Add(new ExportError(ExportCodes.UnknownField, $"{entity.TypeName} has no single reference named {relationName} (in {name}).", name));
                continue;
            }
            if (relation.IsList)
            {
                errors.Add(new ExportError(ExportCodes.UnknownField,
                    $"{relation.QualifiedName} is a list: exports follow single references only (one row per {entity.TypeName}); export " +
                        $"{relation.Target.ListField} instead.", name));
                continue;
            }
            if (rest.Contains('.', StringComparison.Ordinal))
            {
                errors.Add(new ExportError(ExportCodes.UnknownField, $"{name}: exports follow one reference level (reference.field).", name));
                continue;
            }
            if (Resolve(relation.Target, rest, name, access, errors) is not { } target)
            {
                continue;
            }
            var index = relations.IndexOf(relation);
            if (index < 0)
            {
                index = relations.Count;
                relations.Add(relation);
                relationProperties.Add(new HashSet<string>(StringComparer.Ordinal) { relation.Target.Key.Property.Name });
                rootProperties.Add(relation.ParentKey);
            }
            relationProperties[index].Add(target.Property.Name);
            relationProperties[index].UnionWith(target.DependsOn);
            columns.Add(new ExportColumn(name, target, relation, index));
        }
        if (errors.Count > 0)
        {
            throw new ExportProblem(StatusCodes.Status400BadRequest, errors);
        }
        if (columns.Count == 0)
        {
            throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.UnknownField, "fields: name at least one field.");
        }
        return new ExportPlan(entity, columns, rootProperties, relations, [.. relationProperties]);
    }

    private static FieldDef? Resolve(EntityDef entity, string name, string path, AccessContext access, List<ExportError> errors)
    {
        if (entity.Field(name) is not { } field)
        {
            var hint = entity.Relation(name) is { } r
                ? r.IsList
                    ? $" ({name} is a list; export {r.Target.ListField} instead)" : $" ({name} is a reference: name its fields, e.g. " +
                    $"{name}.{r.Target.Key.Name})"
                : "";
            errors.Add(new ExportError(ExportCodes.UnknownField, $"{entity.TypeName} has no field {name}{hint}.", path));
            return null;
        }
        if (access.GrantFor(field).Access == Access.Hidden)
        {
            // Same wording as the graph: a hidden field does not exist for the role.
            errors.Add(new ExportError(ErrorCodes.FieldHidden, FieldGuard.Hidden(access, field).Message, path));
            return null;
        }
        return field;
    }
}
