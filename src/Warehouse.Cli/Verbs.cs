using System.Globalization;
using Microsoft.Extensions.Configuration;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Graph;
using Warehouse.Migrations;
using Warehouse.Security;

namespace Warehouse.Cli;

/// <summary>The CLI verbs.</summary>
internal static class Verbs
{
    public static int Migrate(DatabaseOptions database, TextWriter output)
    {
        var result = MigrationRunner.Run(database, m => output.WriteLine(m));
        output.WriteLine(result.Scripts.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", result.Scripts)}");
        return 0;
    }

    public static int Seed(DatabaseOptions database, CliArguments args, TextWriter output)
    {
        var options = new GeneratorOptions
        {
            Households = args.Int("households", 30_000),
            Seed = args.Int("seed", 42),
            CountyCode = args.Get("county") ?? database.CountyCode,
            ReferenceDate = args.Get("as-of") is { } asOf
                ? DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new CliException("--as-of takes a date yyyy-MM-dd.")
                : null,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, e);
        }
        MigrationRunner.Run(database);
        if (Seeder.HasData(database))
        {
            throw new CliException("The database already holds households; seed into an empty database " +
                "(delete data/warehouse.db and data/warehouse.audit.db for the embedded one).");
        }
        var last = -5.0;
        var summary = Seeder.Seed(database, options, new SyncProgress<GenerationProgress>(p =>
        {
            if (p.Percent - last >= 5 || p.Percent >= 100)
            {
                last = p.Percent;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Percent,5:0.0}%  {p.HouseholdsDone}/{p.HouseholdsTotal} households  ({p.Table})"));
            }
        }));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated in {summary.Elapsed.TotalSeconds:0.0} s: {summary}"));
        return 0;
    }

    public static int Schema(CliArguments args, TextWriter output)
    {
        foreach (var file in SdlPrinter.WriteAll(args.Get("out") ?? "schema", SchemaContributors.All))
        {
            output.WriteLine($"wrote {file}");
        }
        return 0;
    }

    public static int Token(IConfiguration configuration, string apiRoot, CliArguments args, TextWriter output)
    {
        var role = args.Get("role") ?? throw new CliException("token needs --role county|township|village|admin.");
        if (!Roles.IsKnown(role))
        {
            throw new CliException($"unknown role '{role}': use county, township, village or admin.");
        }
        var region = args.Get("region");
        if (Roles.IsDataRole(role))
        {
            if (region is null || !RegionCodes.IsValid(region))
            {
                throw new CliException("--region must be a 12-digit region code (e.g. 139901000000 for the demo county).");
            }
            if (RegionCodes.Level(region) != AccessResolver.LevelOf(role))
            {
                throw new CliException(
                    $"role {role} needs a {AccessResolver.LevelOf(role).ToLowerInvariant()} code; {region} is a " +
                    $"{RegionCodes.Level(region).ToLowerInvariant()} code.");
            }
        }
        var minutes = args.Int("minutes", 480);
        if (minutes is < 1 or > 7 * 24 * 60)
        {
            throw new CliException("--minutes must be within 1..10080.");
        }
        var options = configuration.GetSection(LocalIssuerOptions.Section).Get<LocalIssuerOptions>() ?? new LocalIssuerOptions();
        options.KeyFile = Path.GetFullPath(Path.Combine(apiRoot, options.KeyFile));
        var issuer = new LocalTokenIssuer(options);
        var user = args.Get("user") ?? $"dev-{role}-{region ?? "all"}";
        output.WriteLine($"# {role} {region} as {user}, valid {minutes} min; send as: Authorization: Bearer <token>");
        output.WriteLine(issuer.Issue(user, role, region, TimeSpan.FromMinutes(minutes)));
        return 0;
    }

    public static async Task<int> RegisterDocumentAsync(DatabaseOptions database, CliArguments args, TextWriter output)
    {
        var file = args.Get("file") ?? throw new CliException("register-document needs --file <path to a .graphql file>.");
        if (!File.Exists(file))
        {
            throw new CliException($"no file {file}.");
        }
        MigrationRunner.Run(database);
        var store = new Warehouse.PersistedDocuments.PersistedDocumentStore(new OptionsContextFactory(database));
        try
        {
            var row = await store.RegisterAsync(await File.ReadAllTextAsync(file), args.Get("name") ?? Path.GetFileNameWithoutExtension(file),
                Environment.UserName, CancellationToken.None);
            output.WriteLine($"registered {row.Name}: send {{\"documentId\": \"{row.DocumentId}\"}}");
            output.WriteLine(row.DocumentId);
            return 0;
        }
        catch (Querying.QueryException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>Reports progress on the calling thread (Progress&lt;T&gt; would post to the thread pool and interleave).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
