using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Aggregation;

/// <summary>
/// How an entity's catalogue entry declares a named measure (a rate or conditional count with its definition,
/// e.g. households below the income line): the id, what it returns, the definition users read in the schema, the
/// fields it reads (its permission and protection depend on them) and the aggregation it compiles to.
/// </summary>
internal static class NamedMeasure
{
    public static MeasureDef Of(string id, MeasureOutput output, string description, FieldDef[] dependsOn, Func<QuerySources, GroupAgg> aggregate) =>
        new(id, AggregateCatalogue.Screaming(id), MeasureOp.Derived, null, dependsOn, output, description, aggregate);
}
