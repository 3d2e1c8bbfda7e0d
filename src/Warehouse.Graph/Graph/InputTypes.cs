using GraphQL.Types;
using Warehouse.Catalogue;

namespace Warehouse.Graph;

/// <summary>
/// Filter and sort input types for one role's schema: operation inputs per field kind, one filter input and
/// one sort input per entity. Hidden fields are absent; masked fields are present so that using them fails
/// with an error that says why.
/// </summary>
internal sealed class InputTypes(Func<FieldDef, Grant> grantFor, Func<EntityDef, bool> visible)
{
    public static IEnumerable<IGraphType> Shared()
    {
        yield return Operations("StringOperationFilterInput", "Filter on text.", new StringGraphType(),
            "eq", "neq", "in", "nin", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith");
        yield return Operations("IntOperationFilterInput", "Filter on whole numbers.", new IntGraphType(), "eq", "neq", "in", "nin", "gt", "gte", "lt", "lte");
        yield return Operations("DecimalOperationFilterInput", "Filter on amounts in 元 (at most two decimals).", new MoneyGraphType(), "eq", "neq", "in", "nin",
            "gt", "gte", "lt", "lte");
        yield return Operations("DateOperationFilterInput", "Filter on dates (yyyy-MM-dd).", new DateOnlyGraphType(), "eq", "neq", "in", "nin", "gt", "gte",
            "lt", "lte");
        yield return Operations("DateTimeOperationFilterInput",
            "Filter on points in time: ISO 8601, UTC unless a zone is given (2025-12-30T08:00:00Z, 2025-12-30T16:00:00+08:00); at most millisecond precision.",
            new DateTimeGraphType(), "eq", "neq", "gt", "gte", "lt", "lte");
        yield return Operations("BooleanOperationFilterInput", "Filter on yes/no.", new BooleanGraphType(), "eq", "neq");
        yield return Operations(AsOfCountInput,
            "Filter on a number of years or days counted to or from the as-of date (the root field's asOf argument, default today).",
            new IntGraphType(), "eq", "gt", "gte", "lt", "lte");
        yield return Operations("RegionLevelOperationFilterInput", "Filter on region level.", new GraphQLTypeReference(GraphTypeNames.RegionLevel), "eq", "neq",
            "in", "nin");
        var element = Operations("ListElementFilterInput", "Matches one element of a vocabulary list.", new StringGraphType(), "eq", "in");
        yield return element;
        var list = new InputObjectGraphType
        {
            Name = "StringListFilterInput",
            Description = "Filter on a list of vocabulary values: some (an element matches), none, any (the list is not empty)."
        };
        list.AddField(new FieldType { Name = "some", ResolvedType = new GraphQLTypeReference(element.Name) });
        list.AddField(new FieldType { Name = "none", ResolvedType = new GraphQLTypeReference(element.Name) });
        list.AddField(new FieldType { Name = "any", ResolvedType = new BooleanGraphType() });
        yield return list;
        var sort = new EnumerationGraphType { Name = GraphTypeNames.SortEnum, Description = "Sort direction." };
        sort.Add("ASC", "ASC", "Ascending (nulls first).");
        sort.Add("DESC", "DESC", "Descending (nulls last).");
        yield return sort;
    }

    public IEnumerable<IGraphType> For(EntityDef entity)
    {
        var filter = new InputObjectGraphType
        {
            Name = GraphTypeNames.Filter(entity),
            Description = $"Filter on {entity.TypeName} ({entity.Label}). Fields combine with AND."
        };
        filter.AddField(new FieldType
        {
            Name = "and", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(filter.Name))),
            Description = "All of these match."
        });
        filter.AddField(new FieldType
        {
            Name = "or", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(filter.Name))),
            Description = "At least one of these matches."
        });
        filter.AddField(new FieldType { Name = "not", ResolvedType = new GraphQLTypeReference(filter.Name), Description = "This does not match." });
        var sort = new InputObjectGraphType
        {
            Name = GraphTypeNames.Sort(entity),
            Description = $"Sort {entity.TypeName}: name one field per list item; the key is always the final tiebreaker."
        };
        foreach (var field in entity.Fields)
        {
            var grant = grantFor(field);
            if (grant.Access == Access.Hidden)
            {
                continue;
            }
            if (field.CanFilter)
            {
                filter.AddField(new FieldType
                {
                    Name = field.Name, ResolvedType = new GraphQLTypeReference(OperationType(field)),
                    Description = FieldDescriptions.For(field, grant)
                });
            }
            if (field.CanSort)
            {
                sort.AddField(new FieldType
                {
                    Name = field.Name, ResolvedType = new GraphQLTypeReference(GraphTypeNames.SortEnum),
                    Description = FieldDescriptions.For(field, grant)
                });
            }
        }
        foreach (var condition in entity.AsOfConditions)
        {
            // Present when the role reads its source fields at all; usable when it reads them in full (a masked source fails with a reason).
            if (condition.Sources.Any(f => grantFor(f).Access == Access.Hidden))
            {
                continue;
            }
            var masked = condition.Sources.Any(f => grantFor(f).Access == Access.Masked)
                ? $" Access: reads {string.Join(" and ", condition.Sources.Select(f => f.Name))}, MASKED for your role: cannot be used."
                : "";
            filter.AddField(new FieldType
            {
                Name = condition.Name,
                ResolvedType = new GraphQLTypeReference(condition.IsCount ? AsOfCountInput : "BooleanOperationFilterInput"),
                Description = $"{condition.Label}: {condition.Description} Relative to the root field's asOf date (default: today).{masked}",
            });
        }
        foreach (var relation in entity.Relations.Where(r => visible(r.Target)))
        {
            if (relation.IsList)
            {
                filter.AddField(new FieldType
                {
                    Name = relation.Name, ResolvedType = new GraphQLTypeReference(GraphTypeNames.ListFilter(relation.Target)),
                    Description = $"{relation.Label}: {relation.Description}"
                });
            }
            else
            {
                filter.AddField(new FieldType
                {
                    Name = relation.Name, ResolvedType = new GraphQLTypeReference(GraphTypeNames.Filter(relation.Target)),
                    Description = $"{relation.Label}: {relation.Description}"
                });
                sort.AddField(new FieldType
                {
                    Name = relation.Name, ResolvedType = new GraphQLTypeReference(GraphTypeNames.Sort(relation.Target)),
                    Description = $"Sort by a field of the {relation.Name}."
                });
            }
        }
        var listFilter = new InputObjectGraphType
        {
            Name = GraphTypeNames.ListFilter(entity),
            Description = $"Filter on a list of {entity.TypeName}: some, none or all of the related rows in your region match; any: there is at least one."
        };
        listFilter.AddField(new FieldType { Name = "some", ResolvedType = new GraphQLTypeReference(filter.Name) });
        listFilter.AddField(new FieldType { Name = "none", ResolvedType = new GraphQLTypeReference(filter.Name) });
        listFilter.AddField(new FieldType { Name = "all", ResolvedType = new GraphQLTypeReference(filter.Name) });
        listFilter.AddField(new FieldType { Name = "any", ResolvedType = new BooleanGraphType() });
        yield return filter;
        yield return listFilter;
        if (sort.Fields.Count > 0)
        {
            yield return sort;
        }
    }

    private const string AsOfCountInput = "AsOfCountFilterInput";

    public static bool HasSort(EntityDef entity, Func<FieldDef, Grant> grantFor) =>
        entity.Fields.Any(f => f.CanSort && grantFor(f).Access != Access.Hidden) || entity.Relations.Any(r => !r.IsList);

    private static string OperationType(FieldDef field) => field.Kind switch
    {
        FieldKind.Int => "IntOperationFilterInput",
        FieldKind.Money => "DecimalOperationFilterInput",
        FieldKind.Date => "DateOperationFilterInput",
        FieldKind.Timestamp => "DateTimeOperationFilterInput",
        FieldKind.Boolean => "BooleanOperationFilterInput",
        FieldKind.StringList => "StringListFilterInput",
        FieldKind.RegionLevel => "RegionLevelOperationFilterInput",
        _ => "StringOperationFilterInput",
    };

    private static InputObjectGraphType Operations(string name, string description, IGraphType scalar, params string[] ops)
    {
        var type = new InputObjectGraphType { Name = name, Description = description };
        foreach (var op in ops)
        {
            var resolved = op is "in" or "nin" ? new ListGraphType(scalar) : scalar;
            type.AddField(new FieldType { Name = op, ResolvedType = resolved, Description = OperatorDescription(op) });
        }
        return type;
    }

    private static string OperatorDescription(string op) => op switch
    {
        "eq" => "Equals (null: is null).",
        "neq" => "Does not equal (null: is not null).",
        "in" => "One of these (at most 1000).",
        "nin" => "None of these.",
        "gt" => "Greater than.",
        "gte" => "Greater than or equal.",
        "lt" => "Less than.",
        "lte" => "Less than or equal.",
        "contains" => "Contains the text.",
        "ncontains" => "Does not contain the text.",
        "startsWith" => "Starts with the text.",
        "nstartsWith" => "Does not start with the text.",
        "endsWith" => "Ends with the text.",
        "nendsWith" => "Does not end with the text.",
        _ => op,
    };
}
