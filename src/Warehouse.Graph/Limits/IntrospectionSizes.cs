using System.Runtime.CompilerServices;
using GraphQL.Types;

namespace Warehouse.Limits;

/// <summary>
/// How many items each introspection list returns on average in one role's schema, so an introspection query
/// is priced like any other: <c>__schema.types</c> repeats its selection once per type, <c>__Type.fields</c> once
/// per field of an average type (total fields / total types: a scalar's fields are null), and so on; and how deep
/// a type reference can wrap (<c>[Int!]!</c> is three), beyond which <c>ofType</c> is null and costs nothing.
/// Averages rather than maxima: the standard GraphiQL introspection query then costs about what it returns.
/// Computed once per schema instance.
/// </summary>
internal sealed class IntrospectionSizes
{
    private static readonly ConditionalWeakTable<ISchema, IntrospectionSizes> Cache = new();

    private readonly Dictionary<string, double> _sizes;

    private IntrospectionSizes(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        var outputs = types.OfType<IComplexGraphType>().Where(t => t is not IInputObjectGraphType).ToList();
        var inputs = types.OfType<IInputObjectGraphType>().ToList();
        var fields = outputs.SelectMany(t => t.Fields).ToList();
        var directives = schema.Directives.ToList();
        double count = Math.Max(1, types.Count);
        _sizes = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["__Schema.types"] = count,
            ["__Schema.directives"] = directives.Count,
            ["__Type.fields"] = fields.Count / count,
            ["__Type.inputFields"] = inputs.Sum(t => t.Fields.Count) / count,
            ["__Type.enumValues"] = types.OfType<EnumerationGraphType>().Sum(t => t.Values.Count) / count,
            ["__Type.interfaces"] = types.OfType<IObjectGraphType>().Sum(t => t.ResolvedInterfaces.Count) / count,
            ["__Type.possibleTypes"] = types.OfType<IAbstractGraphType>().Sum(t => t.PossibleTypes.Count) / count,
            ["__Field.args"] = fields.Sum(f => f.Arguments?.Count ?? 0) / (double)Math.Max(1, fields.Count),
            ["__Directive.args"] = directives.Sum(d => d.Arguments?.Count ?? 0) / (double)Math.Max(1, directives.Count),
        };
        WrapDepth = fields.Select(f => f.ResolvedType)
            .Concat(fields.SelectMany(f => f.Arguments?.Select(a => a.ResolvedType) ?? []))
            .Concat(inputs.SelectMany(t => t.Fields.Select(f => f.ResolvedType)))
            .Select(Wrapping).DefaultIfEmpty(0).Max();
    }

    /// <summary>Most wrappers (NonNull, List) around a type anywhere in the schema: the longest useful ofType chain.</summary>
    public int WrapDepth { get; }

    public static IntrospectionSizes Of(ISchema schema) => Cache.GetValue(schema, s => new IntrospectionSizes(s));

    /// <summary>Items a list field of an introspection type returns per parent on average (1 when unknown).</summary>
    public double Of(string parentType, string listField) => _sizes.GetValueOrDefault(parentType + "." + listField, 1);

    private static int Wrapping(IGraphType? type)
    {
        var n = 0;
        while (type is NonNullGraphType or ListGraphType)
        {
            n++;
            type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : ((ListGraphType)type).ResolvedType;
        }
        return n;
    }
}
