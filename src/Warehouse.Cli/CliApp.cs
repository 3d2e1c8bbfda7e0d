using Microsoft.Extensions.Configuration;
using Warehouse.Api.Hosting;

namespace Warehouse.Cli;

/// <summary>
/// <c>dotnet run --project src/Warehouse.Cli -- &lt;verb&gt;</c>. Configuration as the server reads it:
/// appsettings.json of the API project, environment variables (ConnectionStrings__Warehouse, Warehouse__Provider)
/// and --connection / --provider options.
/// </summary>
public static class CliApp
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
    /// src/Warehouse.Api of the checkout, looked for above the working directory and above the CLI's own binaries,
    /// so running the CLI from any folder of the repository opens the same database and key as the server.
    /// </summary>
    private static string FindApiRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Warehouse.Api");
                if (File.Exists(Path.Combine(candidate, "appsettings.json")))
                {
                    return candidate;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }

    private static Warehouse.Data.DatabaseOptions Database(IConfiguration configuration) =>
        DataSetup.ReadDatabaseOptions(configuration).ResolvePaths(ApiRoot);

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
