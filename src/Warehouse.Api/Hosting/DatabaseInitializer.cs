using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;

namespace Warehouse.Api.Hosting;

/// <summary>
/// First run: migrate the configured database and, on the embedded database, generate the demo county when it
/// holds no households. Both are settings (MigrateOnStartup, SeedDemoOnStartup).
/// </summary>
internal static class DatabaseInitializer
{
    public static void InitializeDatabase(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var logger = app.Logger;
        if (options.MigrateOnStartup)
        {
            MigrationRunner.Run(options, m => logger.LogInformation("{Migration}", m));
        }
        // Fail closed before serving: without its audit file a SQLite warehouse could answer only public data.
        SqliteAuditFile.EnsureAvailable(options);
        if (options.SeedDemoOnStartup && options.Provider == DatabaseProvider.Sqlite && !Seeder.HasData(options))
        {
            logger.LogInformation("Empty warehouse: generating the demo county ({Households} households, county {County})",
                options.DemoHouseholds, options.CountyCode);
            var last = -10.0;
            var summary = Seeder.Seed(options, new GeneratorOptions
            {
                Households = options.DemoHouseholds, Seed = options.DemoSeed,
                CountyCode = options.CountyCode, ReferenceDate = options.DemoReferenceDate
            },
                new Progress<GenerationProgress>(p =>
                {
                    if (p.Percent - last >= 10)
                    {
                        last = p.Percent;
                        logger.LogInformation("Generating: {Percent:0}% ({Table})", p.Percent, p.Table);
                    }
                }), app.Services.GetRequiredService<TimeProvider>());
            logger.LogInformation("Demo county ready in {Seconds:0.0} s: {Summary}", summary.Elapsed.TotalSeconds, summary);
        }
    }
}
