namespace Warehouse.Generation;

/// <summary>Deterministic synthetic county: the same options always give byte-identical rows.</summary>
public static class CountyGenerator
{
    /// <summary>
    /// Generates the county and streams its rows to <paramref name="sink"/> in FK order
    /// (region, household, member, project, project_beneficiary, fund_allocation, fund_disbursement, workshop,
    /// welfare_post, employment, assistance), then calls <see cref="IBulkSink.Complete"/>.
    /// </summary>
    public static GenerationSummary Generate(GeneratorOptions options, IBulkSink sink, IProgress<GenerationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        return new GenerationRun(options, sink, progress).Run();
    }
}
