namespace Warehouse.Graph;

/// <summary>The schema contributors outside dependency injection (the CLI's schema verb and the SDL test).</summary>
public static class SchemaContributors
{
    public static IReadOnlyList<ISchemaContributor> All { get; } = [new Administration.AdministrationSchema(), new PersistedDocuments.PersistedDocumentSchema(),
        new Aggregation.AggregationSchema()];
}
