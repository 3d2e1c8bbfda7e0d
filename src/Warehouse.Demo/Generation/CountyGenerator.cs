namespace Warehouse.Generation;

/// <summary>Deterministic synthetic county: the same options always give byte-identical rows.</summary>
internal static class CountyGenerator
{
    /// <summary>
    /// Generates the county and streams its rows to <paramref name="sink"/> in FK order
    /// (region, household, member, project, project_beneficiary, fund_allocation, fund_disbursement, workshop,
    /// welfare_post, employment, assistance), then calls <see cref="IBulkSink.Complete"/>.
    /// </summary>
    /// <param name="options">Generator options.</param>
    /// <param name="sink">Receives the rows.</param>
    /// <param name="progress">Progress reports.</param>
    /// <param name="clock">Gives today when <see cref="GeneratorOptions.ReferenceDate"/> is not set (default: the system clock).</param>
    public static GenerationSummary Generate(GeneratorOptions options, IBulkSink sink, IProgress<GenerationProgress>? progress = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        var resolved = Resolve(options, clock);
        resolved.Validate();
        return new GenerationRun(resolved, sink, progress).Run();
    }

    /// <summary>The options with the reference date set: as given, or today by <paramref name="clock"/>.</summary>
    public static GeneratorOptions Resolve(GeneratorOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ReferenceDate is not null
            ? options
            : options with { ReferenceDate = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime) };
    }
}
