namespace Warehouse.Tests.Database;

/// <summary>Paths inside the repository, found from the test binaries rather than the working directory.</summary>
internal static class RepoPaths
{
    private const string SolutionFile = "Warehouse.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Warehouse.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The script folder of one SQL dialect: db/sqlite or db/sqlserver.</summary>
    public static string Db(string dialect) => Path.Combine(Root, "db", dialect);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder containing {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
