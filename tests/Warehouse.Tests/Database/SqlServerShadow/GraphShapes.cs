
namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>One GraphQL request the shape generator produces; <see cref="Operator"/> names the filter operator it exercises, if any.</summary>
internal sealed record GraphShape(string Name, string Document, string? Operator = null);

/// <summary>
/// Generates, from a role's introspected schema, the query shapes the engine can be asked for: for every connection a
/// page of every readable column, every filter operator of every operator type (each on the first field of that type,
/// with null tests) and eq on every field, and/or/not, to-one and list relation filters (some/none/all/any), vocabulary
/// list filters, each sortable field and a multi-column order with a related field, and every nested relation with a
/// second level below it; for every aggregate each groupBy key, each measure family, the named measures, having and
/// ordering by measures and keys. Keyset follow-ups (after/before) and lookups need a first answer and are made by
/// the test. Nothing here knows the catalogue: a new field or entity is covered by the next run.
/// </summary>
internal sealed class GraphShapes(IntrospectedSchema schema)
{
    public IEnumerable<Connection> Connections() =>
        schema.Fields(schema.QueryType)
            .Where(f => f.Arg("where") is not null && f.Arg("first") is not null && schema.Kind(f.Type.Name) == "OBJECT"
                && schema.Fields(f.Type.Name).Any(n => n.Name == "nodes"))
            .Select(f => new Connection(f.Name, f.Arg("where")!.Type.Name, f.Arg("order")!.Type.Name,
                schema.Fields(f.Type.Name).First(n => n.Name == "nodes").Type.Name,
                LookupOf(schema.Fields(f.Type.Name).First(n => n.Name == "nodes").Type.Name)));

    public IEnumerable<IntrospectedSchema.Member> Aggregates() =>
        schema.Fields(schema.QueryType).Where(f => f.Arg("groupBy") is not null);

    /// <summary>The lookup root field returning this node type (its single required argument names the key).</summary>
    private (string Field, string Arg)? LookupOf(string nodeType) =>
        schema.Fields(schema.QueryType).Where(f => f.Type.Name == nodeType && !f.Type.IsList && f.Args.Count(a => a.Type.IsRequired) == 1)
            .Select(f => ((string, string)?)(f.Name, f.Args.First(a => a.Type.IsRequired).Name)).FirstOrDefault();

    /// <summary>Every leaf field of a type that takes no required argument.</summary>
    public string Leaves(string type) =>
        string.Join(" ", schema.Fields(type).Where(f => schema.IsLeaf(f.Type.Name) && f.Args.All(a => !a.Type.IsRequired)).Select(f => f.Name));

    public IEnumerable<GraphShape> Pages(Connection c)
    {
        var leaves = Leaves(c.Node);
        yield return new($"{c.Field}: first page, every column, totalCount",
            $"{{ {c.Field}(first: 3) {{ totalCount nodes {{ {leaves} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        yield return new($"{c.Field}: last page", $"{{ {c.Field}(last: 2) {{ nodes {{ {leaves} }} }} }}");
        yield return new($"{c.Field}: totalCount only", $"{{ {c.Field} {{ totalCount }} }}");
    }

    public IEnumerable<GraphShape> Filters(Connection c, bool everyOperator)
    {
        var seenOperatorTypes = new HashSet<string>(StringComparer.Ordinal);
        var columns = schema.Fields(c.Node).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var f in schema.InputFields(c.Filter))
        {
            if (f.Name is "and" or "or" or "not")
            {
                continue;
            }
            var ops = schema.InputFields(f.Type.Name).ToList();
            var opNames = ops.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            if (opNames.Contains("all"))
            {
                // A list relation: some/none/all with a condition on the target, any without one.
                var inner = Condition(ops.First(o => o.Name == "some").Type.Name);
                foreach (var op in new[] { "some", "none", "all" })
                {
                    yield return Page(c, $"{f.Name}.{op}", $"{{ {f.Name}: {{ {op}: {inner} }} }}", $"relation {op}");
                }
                yield return Page(c, $"{f.Name}.any", $"{{ {f.Name}: {{ any: true }} }}", "relation any");
            }
            else if (opNames.Contains("some"))
            {
                // A vocabulary list: element operators.
                yield return Page(c, $"{f.Name}.some.eq", $"{{ {f.Name}: {{ some: {{ eq: \"1\" }} }} }}", "list some");
                yield return Page(c, $"{f.Name}.none.in", $"{{ {f.Name}: {{ none: {{ in: [\"1\", \"2\"] }} }} }}", "list none");
                yield return Page(c, $"{f.Name}.any", $"{{ {f.Name}: {{ any: false }} }}", "list any");
            }
            else if (opNames.Contains("and"))
            {
                // A to-one relation: a filter of the target.
                yield return Page(c, $"{f.Name} (to-one)", $"{{ {f.Name}: {Condition(f.Type.Name)} }}", "to-one relation");
            }
            else
            {
                var eq = ops.First(o => o.Name == "eq");
                yield return Page(c, $"{f.Name}.eq", $"{{ {f.Name}: {{ eq: {Literal(eq.Type)} }} }}", "eq");
                // A filter-only condition (as of a date: ageOnAsOf, daysToTermEnd …) is computed, never a stored null, so
                // it takes no null test; its other operators compile differently from a column's, so they count apart.
                var column = columns.Contains(f.Name);
                if (everyOperator && seenOperatorTypes.Add(column ? f.Type.Name : f.Type.Name + " (condition)"))
                {
                    if (column)
                    {
                        yield return Page(c, $"{f.Name}.eq null", $"{{ {f.Name}: {{ eq: null }} }}", "eq null");
                    }
                    foreach (var op in ops.Where(o => o.Name != "eq"))
                    {
                        yield return Page(c, $"{f.Name}.{op.Name}", $"{{ {f.Name}: {{ {op.Name}: {Literal(op.Type)} }} }}", op.Name);
                    }
                    if (column)
                    {
                        yield return Page(c, $"{f.Name}.neq null", $"{{ {f.Name}: {{ neq: null }} }}", "neq null");
                    }
                }
            }
        }
        var a = Condition(c.Filter);
        var b = Condition(c.Filter, second: true);
        yield return Page(c, "and", $"{{ and: [{a}, {b}] }}", "and");
        yield return Page(c, "or", $"{{ or: [{a}, {b}] }}", "or");
        yield return Page(c, "not", $"{{ not: {a} }}", "not");
        yield return Page(c, "and/or/not nested", $"{{ or: [{{ and: [{a}, {{ not: {b} }}] }}, {b}] }}", "nested and/or/not");
    }

    /// <summary>One sort per sortable field, and a multi-column order ending in a related field; each is followed by keyset pages in the test.</summary>
    public IEnumerable<(string Name, string Order)> Orders(Connection c)
    {
        var fields = schema.InputFields(c.Sort).ToList();
        var leaves = fields.Where(f => schema.IsLeaf(f.Type.Name)).ToList();
        foreach (var f in leaves)
        {
            yield return ($"order {f.Name} DESC", $"[{{ {f.Name}: DESC }}]");
        }
        foreach (var related in fields.Where(f => !schema.IsLeaf(f.Type.Name)))
        {
            var inner = schema.InputFields(related.Type.Name).Where(f => schema.IsLeaf(f.Type.Name)).Skip(1).FirstOrDefault()
                ?? schema.InputFields(related.Type.Name).First(f => schema.IsLeaf(f.Type.Name));
            var head = leaves.Skip(1).Take(2).Select((f, i) => $"{{ {f.Name}: {(i == 0 ? "ASC" : "DESC")} }}");
            yield return ($"order {string.Join(", ", leaves.Skip(1).Take(2).Select(f => f.Name))}, {related.Name}.{inner.Name}",
                $"[{string.Join(", ", head)}, {{ {related.Name}: {{ {inner.Name}: DESC }} }}]");
        }
    }

    /// <summary>Every relation of the node, each with the first relation of its target below it (batched loads, two levels).</summary>
    public IEnumerable<GraphShape> Nested(Connection c)
    {
        var key = c.Lookup?.Arg ?? "id";
        foreach (var r in schema.Fields(c.Node).Where(f => schema.Kind(f.Type.Name) == "OBJECT"))
        {
            var target = r.Type.Name;
            var second = schema.Fields(target).FirstOrDefault(f => schema.Kind(f.Type.Name) == "OBJECT");
            var secondSelection = second is null ? "" : $" {second.Name} {{ {Leaves(second.Type.Name)} }}";
            var args = r.Arg("order") is { } order && r.Arg("where") is { } where
                ? $"(where: {Condition(where.Type.Name)}, order: " +
                    $"[{{ {schema.InputFields(order.Type.Name).First(f => schema.IsLeaf(f.Type.Name)).Name}: DESC }}])"
                : "";
            yield return new($"{c.Field}.{r.Name}{(second is null ? "" : "." + second.Name)}",
                $"{{ {c.Field}(first: 20) {{ nodes {{ {key} {r.Name}{args} {{ {Leaves(target)}{secondSelection} }} }} }} }}");
        }
    }

    public IEnumerable<GraphShape> AggregateShapes(IntrospectedSchema.Member a, bool everyKey)
    {
        var groupType = schema.Fields(a.Type.Name).First(f => f.Name == "groups").Type.Name;
        var keysType = schema.Fields(groupType).First(f => f.Name == "keys").Type.Name;
        var keys = schema.EnumValues(a.Arg("groupBy")!.Type.Name);
        var measureEnum = schema.InputFields(a.Arg("having")!.Type.Name).First(f => f.Name == "measure").Type.Name;
        var measures = schema.EnumValues(measureEnum);
        var keyLeaves = Leaves(keysType);
        var head = $"protected withheldGroups groups {{ keys {{ {keyLeaves} }} count";
        foreach (var k in everyKey ? keys : keys.Take(1))
        {
            yield return new($"{a.Name} groupBy {k}", $"{{ {a.Name}(groupBy: [{k}], first: 5) {{ {head} }} }} }}");
        }
        yield return new($"{a.Name} named measures, one group", $"{{ {a.Name} {{ protected groups {{ {Leaves(groupType)} }} }} }}", "named measures");
        foreach (var family in schema.Fields(groupType).Where(f => f.Name != "keys" && schema.Kind(f.Type.Name) == "OBJECT"))
        {
            // At most 12 measures per request: the engine holds 16 floating-point and 32 integer measures per query.
            foreach (var chunk in Leaves(family.Type.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Chunk(12))
            {
                yield return new($"{a.Name} {family.Name} ({chunk[0]}…)",
                    $"{{ {a.Name}(groupBy: [{keys[0]}]) {{ {head} {family.Name} {{ {string.Join(" ", chunk)} }} }} }} }}", family.Name);
            }
        }
        var filter = Condition(a.Arg("where")!.Type.Name);
        yield return new($"{a.Name} where, having, order by measure",
            $"{{ {a.Name}(where: {filter}, groupBy: [{string.Join(", ", keys.Take(2))}], having: [{{ measure: {measures[0]}, gte: 1 }}, " +
                $"{{ measure: {measures[^1]}, lt: 1000000 }}], order: [{{ measure: {measures[^1]}, direction: DESC }}], first: 3) {{ {head} }} }} }}",
            "having/order");
        yield return new($"{a.Name} order by key",
            $"{{ {a.Name}(groupBy: [{keys[^1]}, {keys[0]}], order: [{{ key: {keys[^1]}, direction: DESC }}], first: 3) {{ {head} }} }} }}", "order by key");
    }

    private GraphShape Page(Connection c, string what, string where, string op) =>
        new($"{c.Field} where {what}", $"{{ {c.Field}(where: {where}, first: 2) {{ totalCount nodes {{ {c.Lookup?.Arg ?? "id"} }} }} }}", op);

    /// <summary>A simple condition on a filter type: neq on its first (or second) operator field.</summary>
    private string Condition(string filterType, bool second = false)
    {
        var fields = schema.InputFields(filterType)
            .Where(f => f.Name is not ("and" or "or" or "not") && schema.InputFields(f.Type.Name).Any(o => o.Name == "neq"))
            .ToList();
        var f = second && fields.Count > 1 ? fields[1] : fields[0];
        var neq = schema.InputFields(f.Type.Name).First(o => o.Name == "neq");
        return $"{{ {f.Name}: {{ neq: {Literal(neq.Type)} }} }}";
    }

    private string Literal(IntrospectedSchema.TypeRef t)
    {
        var v = t.Name switch
        {
            "String" or "ID" => "\"1\"",
            "Int" or "Long" => "1",
            "Decimal" => "1.5",
            "Float" => "0.5",
            "Boolean" => "true",
            "DateOnly" or "Date" => "\"2024-01-01\"",
            "DateTime" => "\"2024-01-01T00:00:00Z\"",
            _ when schema.Kind(t.Name) == "ENUM" => schema.EnumValues(t.Name)[0],
            _ => throw new NotSupportedException($"No literal for {t.Name}."),
        };
        return t.IsList ? $"[{v}, {v}]" : v;
    }

    /// <summary>A root connection: its field, filter, sort and node types, and the lookup for its nodes (field and key argument).</summary>
    public sealed record Connection(string Field, string Filter, string Sort, string Node, (string Field, string Arg)? Lookup);
}
