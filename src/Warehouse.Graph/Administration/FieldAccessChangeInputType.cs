using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>Input of setFieldAccess.</summary>
internal sealed class FieldAccessChangeInputType : InputObjectGraphType<FieldAccessChange>
{
    public FieldAccessChangeInputType()
    {
        Name = "FieldAccessChangeInput";
        Description = "A change of one matrix cell, made against the version you saw.";
        Field<NonNullGraphType<StringGraphType>>("role").Description("county, township or village.");
        Field<NonNullGraphType<StringGraphType>>("type").Description("GraphQL type, e.g. Member.");
        Field<NonNullGraphType<StringGraphType>>("field").Description("GraphQL field, e.g. idNumber.");
        Field<NonNullGraphType<StringGraphType>>("access").Description("FULL, MASKED or HIDDEN.");
        Field<BooleanGraphType>("revealable").Description("Only with MASKED.").DefaultValue(false);
        Field<BooleanGraphType>("aggregateOnly").Description("Only with HIDDEN, for groupable fields.").DefaultValue(false);
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The cell's version you edited.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new FieldAccessChange(
        (string)value["role"]!, (string)value["type"]!, (string)value["field"]!, (string)value["access"]!,
        value.TryGetValue("revealable", out var r) && r is true, value.TryGetValue("aggregateOnly", out var a) && a is true,
        (int)value["expectedVersion"]!);
}
