using Warehouse.Tooling;

namespace Warehouse.Tests.Database;

/// <summary>Paths inside the repository, found from the test binaries (see <see cref="RepositoryRoot"/>).</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding Warehouse.sln.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>The script folder of one SQL dialect: db/sqlite, db/sqlserver or db/postgresql.</summary>
    public static string Db(string dialect) => Path.Combine(Root, "db", dialect);
}
