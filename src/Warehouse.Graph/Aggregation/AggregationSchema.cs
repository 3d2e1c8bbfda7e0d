using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Graph;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Aggregation;

/// <summary>
/// <c>&lt;listField&gt;Aggregate</c> for every exposed entity (householdsAggregate, membersAggregate, ...): grouped
/// count / countDistinct / sum / avg / min / max and named rates, with where (the list's filter), groupBy,
/// having, order and first. Enums list only the keys and measures the role may use (FULL or aggregate-only
/// fields), so masked and hidden fields are absent; the engine checks again when it runs (FIELD_MASKED / FIELD_HIDDEN).
/// See docs/aggregates.md.
/// </summary>
internal sealed class AggregationSchema : ISchemaContributor
{
    public void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin) =>
        Contribute(schema, query, ref mutation, dataRole, isAdmin, PermissionSnapshot.FromCatalogue(WarehouseCatalogue.Default));

    public void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin, PermissionSnapshot permissions)
    {
        if (dataRole is null)
        {
            return;
        }
        Grant GrantFor(FieldDef f) => permissions.For(dataRole, f);
        foreach (var entity in WarehouseCatalogue.Default.Exposed)
        {
            var types = new AggregateTypes(entity, AggregateCatalogue.For(entity), GrantFor);
            foreach (var type in types.All())
            {
                schema.RegisterType(type);
            }
            query.AddField(types.RootField());
        }
    }
}

/// <summary>The aggregate types of one entity for one role.</summary>
internal sealed class AggregateTypes(EntityDef entity, EntityAggregates defs, Func<FieldDef, Grant> grantFor)
{
    private readonly List<GroupKeyDef> _keys = defs.Keys.Where(k => AggregatePermissions.Usable(grantFor, k)).ToList();
    private readonly List<MeasureDef> _measures = defs.Measures.Where(m => AggregatePermissions.Usable(grantFor, m)).ToList();

    private string T => entity.TypeName;
    public string GroupFieldEnum => T + "GroupField";
    public string MeasureEnum => T + "AggregateMeasure";

    public IEnumerable<IGraphType> All()
    {
        if (_keys.Count > 0)
        {
            var groupField = new EnumerationGraphType
            {
                Name = GroupFieldEnum,
                Description = $"What {T} rows can be grouped by: groupable fields your role reads in full or aggregate-only, region names (from " +
                $"the regions view), and the YEAR or MONTH of dates."
            };
            foreach (var key in _keys)
            {
                groupField.Add(key.EnumName, key.Id, key.Description + Suffix(key.Field));
            }
            yield return groupField;
        }
        var measure = new EnumerationGraphType { Name = MeasureEnum, Description = $"Measures of {T} groups, for having and order." };
        // Percentiles are computed after the GROUP BY, so having and order cannot use them (the engine refuses them too).
        foreach (var m in _measures.Where(m => m.Percentile is null))
        {
            measure.Add(m.EnumName, m.Id, m.Description);
        }
        yield return measure;

        var having = new InputObjectGraphType
        {
            Name = T + "AggregateHaving",
            Description = "A condition on a measure of each group (HAVING). Amounts in 元, rates as fractions 0..1. Conditions in the list combine with AND."
        };
        having.AddField(new FieldType { Name = "measure", ResolvedType = new NonNullGraphType(new GraphQLTypeReference(MeasureEnum)) });
        foreach (var op in new[] { "eq", "neq", "gt", "gte", "lt", "lte" })
        {
            having.AddField(new FieldType { Name = op, ResolvedType = new FloatGraphType() });
        }
        yield return having;

        var order = new InputObjectGraphType
        {
            Name = T + "AggregateOrder",
            Description = "Order groups by one key or one measure (name exactly one); the keys always follow as tiebreakers."
        };
        if (_keys.Count > 0)
        {
            order.AddField(new FieldType { Name = "key", ResolvedType = new GraphQLTypeReference(GroupFieldEnum) });
        }
        order.AddField(new FieldType { Name = "measure", ResolvedType = new GraphQLTypeReference(MeasureEnum) });
        order.AddField(new FieldType { Name = "direction", ResolvedType = new GraphQLTypeReference(GraphTypeNames.SortEnum), DefaultValue = "ASC" });
        yield return order;

        var keys = new ObjectGraphType
        {
            Name = T + "AggregateKeys",
            Description = "The group's key values, one field per groupBy key (null for keys not grouped by)."
        };
        keys.AddField(new FieldType
        {
            Name = "_empty", Description = "Always null; present so the type has a field when no key is usable.",
            ResolvedType = new StringGraphType(), Resolver = new FuncFieldResolver<object?>(_ => null)
        });
        foreach (var key in _keys)
        {
            var id = key.Id;
            keys.AddField(new FieldType
            {
                Name = key.Id, Description = key.Description, ResolvedType = KeyType(key.Kind),
                Resolver = new FuncFieldResolver<AggregateGroup, object?>(c => c.Source.Keys.GetValueOrDefault(id)),
            });
        }
        yield return keys;

        var group = new ObjectGraphType { Name = T + "AggregateGroup", Description = $"One group of {T} rows and its measures." };
        group.AddField(new FieldType
        {
            Name = "keys", ResolvedType = new NonNullGraphType(new GraphQLTypeReference(keys.Name)),
            Resolver = new FuncFieldResolver<AggregateGroup, object>(c => c.Source)
        });
        foreach (var m in _measures.Where(m => m.Op is MeasureOp.Count or MeasureOp.Derived))
        {
            var id = m.Id;
            group.AddField(new FieldType { Name = m.Id, Description = m.Description, ResolvedType = OutputType(m.Output), Resolver = Value(id) });
        }
        foreach (var (op, typeName, description) in new[]
                 {
                     (MeasureOp.CountDistinct, "DistinctCounts", "Number of distinct values per field (nulls not counted)."),
                     (MeasureOp.Sum, "Sums", "Sum per field: whole numbers, or 元 for amounts."),
                     (MeasureOp.Avg, "Averages", "Average per field (元 for amounts); nulls ignored."),
                     (MeasureOp.Min, "Minimums", "Smallest value per field (元 for amounts)."),
                     (MeasureOp.Max, "Maximums", "Largest value per field (元 for amounts)."),
                     (MeasureOp.Median, "Medians", PercentileText("Median", "0.5")),
                     (MeasureOp.P25, "P25s", PercentileText("25th percentile", "0.25")),
                     (MeasureOp.P75, "P75s", PercentileText("75th percentile", "0.75")),
                     (MeasureOp.P90, "P90s", PercentileText("90th percentile", "0.9")),
                 })
        {
            var members = _measures.Where(m => m.Op == op).ToList();
            if (members.Count == 0)
            {
                continue;
            }
            var sub = new ObjectGraphType { Name = T + "Aggregate" + typeName, Description = description };
            foreach (var m in members)
            {
                sub.AddField(new FieldType { Name = m.Field!.Name, Description = m.Description, ResolvedType = OutputType(m.Output), Resolver = Value(m.Id) });
            }
            yield return sub;
            var fieldName = op switch
            {
                MeasureOp.CountDistinct => "countDistinct",
                MeasureOp.Sum => "sum",
                MeasureOp.Avg => "avg",
                MeasureOp.Min => "min",
                MeasureOp.Max => "max",
                MeasureOp.Median => "median",
                MeasureOp.P25 => "p25",
                MeasureOp.P75 => "p75",
                _ => "p90",
            };
            group.AddField(new FieldType
            {
                Name = fieldName, Description = description, ResolvedType = new NonNullGraphType(new GraphQLTypeReference(sub.Name)),
                Resolver = new FuncFieldResolver<AggregateGroup, object>(c => c.Source)
            });
        }
        yield return group;

        var result = new ObjectGraphType { Name = T + "Aggregate", Description = $"Grouped aggregates of {T} ({entity.Label}) rows in your region." };
        result.AddField(new FieldType
        {
            Name = "groups", Description = "The groups, ordered, at most `first`.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(group.Name)))),
            Resolver = new FuncFieldResolver<AggregateResult, object>(c => c.Source.Groups),
        });
        result.AddField(new FieldType
        {
            Name = "protected",
            Description = "Whether disclosure control applied: the rows include records your role may not read one by one (records of or about " +
                "children under 14 "
                + "above the village) or the request used an aggregate-only field. Then every count and sum carries small fixed noise (cell-key perturbation: "
                + "counts ±2 at most, sums ± half the largest single contribution, the same for the same rows every time), rates are computed from the "
                + "perturbed parts, groups whose perturbed size is below k are withheld whole, and having, order and first apply to the perturbed values. "
                + "Its where takes region codes only, identifying fields cannot be keys, and min/max, median and percentiles are refused " +
                    "(PROTECTED_AGGREGATE). See docs/security.md.",
            ResolvedType = new NonNullGraphType(new BooleanGraphType()), Resolver = new FuncFieldResolver<AggregateResult, bool>(c => c.Source.Protected),
        });
        result.AddField(new FieldType
        {
            Name = "withheldGroups", Description = "Groups left out because their perturbed size was below k (always 0 when not protected).",
            ResolvedType = new NonNullGraphType(new IntGraphType()), Resolver = new FuncFieldResolver<AggregateResult, int>(c => c.Source.WithheldGroups),
        });
        yield return result;
    }

    public FieldType RootField()
    {
        var arguments = new QueryArguments(
            new QueryArgument(new GraphQLTypeReference(GraphTypeNames.Filter(entity)))
            {
                Name = "where",
                Description = $"The same filter as {entity.ListField}: rows are limited to your region and filtered exactly as the list is."
            },
            new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(T + "AggregateHaving"))))
            {
                Name = "having",
                Description = "Conditions on measures of each group (AND)."
            },
            new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(T + "AggregateOrder"))))
            {
                Name = "order",
                Description = "Order of the groups; default: by the keys ascending."
            },
            new QueryArgument<IntGraphType> { Name = "first", Description = "At most this many groups (default 1000, max 10000)." },
            GraphArguments.AsOfArgument());
        if (_keys.Count > 0)
        {
            arguments.Add(new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GroupFieldEnum))))
            {
                Name = "groupBy",
                Description = $"Group by these keys (at most {AggregateEngine.MaxKeys}); none: one group of all rows."
            });
        }
        return new FieldType
        {
            Name = entity.ListField + "Aggregate",
            Description = $"Grouped aggregates over {entity.ListField}: one SQL GROUP BY, same where and row scope as {entity.ListField}. Only " +
                $"fields your role reads in full or aggregate-only can be grouped or aggregated.",
            // Nullable like the list root fields: a failing aggregate leaves its siblings' data.
            ResolvedType = new GraphQLTypeReference(T + "Aggregate"),
            Arguments = arguments,
            Resolver = new FuncFieldResolver<object>(async c => await Resolve(c)),
        };
    }

    private async Task<object> Resolve(IResolveFieldContext c)
    {
        var rc = (GraphRequestContext)c.UserContext;
        var request = new AggregateRequest
        {
            Entity = entity,
            Where = GraphArguments.Where(c),
            AsOf = GraphArguments.AsOf(c),
            GroupBy = List(c, "groupBy").Select(v => (string)v!).ToList(),
            Measures = RequestedMeasures(c),
            Having = List(c, "having").SelectMany(Having).ToList(),
            Order = List(c, "order").Select(OrderTerm).ToList(),
            First = GraphArguments.Int(c, "first"),
        };
        var result = await AggregationServices.Engine(c.RequestServices!).RunAsync(rc.Access, request, c.CancellationToken);
        if (result.Protected)
        {
            // Statistics over records the reader may not read one by one are on the record, as reads of rows are.
            rc.Audit.Aggregated(entity.TypeName, result.Groups.Count,
                AggregateAudit.Detail(request, result, (AuditRedaction)c.RequestServices!.GetService(typeof(AuditRedaction))!));
        }
        return result;
    }

    /// <summary>The measures selected under groups (count, sum { x }, employmentRate, ...), so the one SQL computes exactly these.</summary>
    private static List<string> RequestedMeasures(IResolveFieldContext c)
    {
        var ids = new List<string>();
        foreach (var field in SelectionCollector.Under(c, c.FieldAst.SelectionSet, "groups"))
        {
            var name = field.Name.StringValue;
            switch (name)
            {
                case "countDistinct" or "sum" or "avg" or "min" or "max" or "median" or "p25" or "p75" or "p90":
                    ids.AddRange(SelectionCollector.Fields(field.SelectionSet, c.Document).Select(f => f.Name.StringValue)
                        .Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Select(n => $"{name}.{n}"));
                    break;
                case "keys" or "__typename":
                    break;
                default:
                    ids.Add(name);
                    break;
            }
        }
        return ids.Distinct().ToList();
    }

    private static IEnumerable<object?> List(IResolveFieldContext c, string name) =>
        c.Arguments?.TryGetValue(name, out var v) == true && v.Value is System.Collections.IEnumerable e ? e.Cast<object?>() : [];

    private static IEnumerable<HavingCondition> Having(object? item)
    {
        var d = (IDictionary<string, object?>)item!;
        var measure = (string)d["measure"]!;
        var any = false;
        foreach (var op in new[] { "eq", "neq", "gt", "gte", "lt", "lte" })
        {
            if (d.TryGetValue(op, out var v) && v is not null)
            {
                any = true;
                yield return new HavingCondition(measure, op, Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        if (!any)
        {
            throw new QueryException(ErrorCodes.InvalidFilter, $"having on {measure}: give at least one of eq, neq, gt, gte, lt, lte.");
        }
    }

    private static AggregateOrder OrderTerm(object? item)
    {
        var d = (IDictionary<string, object?>)item!;
        string? Get(string name) => d.TryGetValue(name, out var v) ? v as string : null;
        return new AggregateOrder(Get("key"), Get("measure"), Get("direction") == "DESC");
    }

    private static string PercentileText(string name, string p) =>
        $"{name} per field (元 for amounts): PERCENTILE_CONT({p}), linear interpolation between the two nearest ranks of the group's values; nulls ignored. "
        + "Refused in protected aggregates (PROTECTED_AGGREGATE), like min and max.";

    private static FuncFieldResolver<AggregateGroup, object?> Value(string id) => new(c =>
        c.Source.Measures.GetValueOrDefault(id) switch { long n => checked((int)n), var v => v });

    private string Suffix(FieldDef field) =>
        AggregatePermissions.IsAggregateOnly(grantFor(field))
            ? " Aggregate-only for your role: the aggregate is protected (perturbed, groups under k withheld)." : "";

    private static IGraphType KeyType(KeyKind kind) => kind switch
    {
        KeyKind.Int => new IntGraphType(),
        KeyKind.Date => new DateOnlyGraphType(),
        KeyKind.Boolean => new BooleanGraphType(),
        _ => new StringGraphType(),
    };

    private static IGraphType OutputType(MeasureOutput output) => output switch
    {
        MeasureOutput.Count => new IntGraphType(),
        MeasureOutput.Number or MeasureOutput.Money => new MoneyGraphType(),
        _ => new FloatGraphType(),
    };
}

/// <summary>The engine, built from services the app already has (no registration needed) and the Warehouse:Aggregation settings.</summary>
internal static class AggregationServices
{
    public static AggregateEngine Engine(IServiceProvider services) => (AggregateEngine)services.GetService(typeof(AggregateEngine))!;
}
