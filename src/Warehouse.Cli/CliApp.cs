using Microsoft.Extensions.Configuration;
using Warehouse.Tooling;

namespace Warehouse.Cli;

/// <summary>
/// <c>dotnet run --project src/Warehouse.Cli -- &lt;verb&gt;</c>. Configuration as the server reads it:
/// appsettings.json of the API project, environment variables (ConnectionStrings__Warehouse, Warehouse__Provider)
/// and --connection / --provider options.
/// </summary>
internal static class CliApp
{
    public const string Usage = """
        Warehouse CLI

        Usage: dotnet run --project src/Warehouse.Cli -- <verb> [options]

        Verbs:
          migrate                              apply the db/ scripts of the configured database (idempotent)
          seed [--households N] [--seed S] [--as-of yyyy-MM-dd]
                                             generate a synthetic county into it (default 30000, seed 42, dated today)
               [--county CCCCCC]               6-digit county code (default 139901)
          schema [--out DIR]                   write each role's SDL to schema/ (default ./schema)
          register-document --file F.graphql [--name N]
                                               register a persisted document; prints its id
          import --file F.xlsx|F.csv|DIR [--accept-valid] [--dry-run] [--mapping M.json]
                 [--entity households] [--report DIR] [--user ID]
                                               load households, members, ... from xlsx/csv (docs/import.md)
          import-template --entity households --out F.xlsx
                                               write an entity's import template (headers, example, notes)
          seed --to-xlsx DIR [--households N] [--seed S]
                                               write a synthetic county as import files (database untouched)
          token --role <county|township|village|admin> --region <12-digit code>
                [--user ID] [--minutes N]      print a local development token (last line)
          verify [--json] [--sample N]         check the database's api views against the catalogue's contract
                                               (docs/own-warehouse.md); exit 0 servable, 1 not, 2 cannot open
          verify --contract                    print the contract (views, columns, kinds, checks) as Markdown

        Options for every verb:
          --provider Sqlite|SqlServer|PostgreSql
                                               database engine (default Sqlite)
          --connection "<connection string>"   default: Data Source=data/warehouse.db
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        CliArguments parsed;
        try
        {
            parsed = CliArguments.Parse(args[1..]);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: {e.Message}\n\n{Usage}");
            return 2;
        }
        var configuration = Configuration(parsed);
        try
        {
            return args[0] switch
            {
                "migrate" => Verbs.Migrate(Database(configuration), output),
                "seed" when parsed.Has("to-xlsx") => ImportVerbs.SeedToXlsx(parsed, output),
                "import" => ImportVerbs.Import(Database(configuration), parsed, output),
                "import-template" => ImportVerbs.Template(parsed, output),
                "seed" => Verbs.Seed(Database(configuration), parsed, output),
                "schema" => Verbs.Schema(parsed, output),
                "token" => Verbs.Token(configuration, ApiRoot, parsed, output),
                "verify" => VerifyVerb.Run(() => Database(configuration), parsed, output, error),
                "register-document" => await Verbs.RegisterDocumentAsync(Database(configuration), parsed, output),
                _ => await Unknown(args[0], error),
            };
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Migrations.MigrationException or IOException or ArgumentException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> Unknown(string verb, TextWriter error)
    {
        await error.WriteLineAsync($"error: unknown verb '{verb}'.\n\n{Usage}");
        return 2;
    }

    /// <summary>The API project folder: relative paths (the SQLite file, the local issuer key) resolve against it, as in the server.</summary>
    public static string ApiRoot { get; } = FindApiRoot();

    /// <summary>
    /// src/Warehouse.Api of the checkout around the CLI (its binaries or the working directory), so running the CLI
    /// from any folder of the repository opens the same database and key as the server; outside a checkout, the
    /// working directory.
    /// </summary>
    private static string FindApiRoot() =>
        RepositoryRoot.OrNull is { } root ? Path.Combine(root, "src", "Warehouse.Api") : Directory.GetCurrentDirectory();

    private static Warehouse.Data.DatabaseOptions Database(IConfiguration configuration) =>
        Warehouse.Configuration.DatabaseConfiguration.Read(configuration).ResolvePaths(ApiRoot);

    private static IConfiguration Configuration(CliArguments parsed)
    {
        var overrides = new Dictionary<string, string?>();
        if (parsed.Get("connection") is { } connection)
        {
            overrides["ConnectionStrings:Warehouse"] = connection;
        }
        if (parsed.Get("provider") is { } provider)
        {
            overrides["Warehouse:Provider"] = provider;
        }
        var apiSettings = Path.Combine(ApiRoot, "appsettings.json");
        return new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(apiSettings), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }
}
