namespace Warehouse.Data;

/// <summary>The database engines Warehouse runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a SQLite file (tests and CI run on it).</summary>
    Sqlite,
    /// <summary>Production target.</summary>
    SqlServer,
    /// <summary>
    /// Production target on PostgreSQL and the engines compatible with it; laid out like SQL Server (schemas
    /// <c>wh</c>, <c>api</c>, <c>sec</c>). The test run starts a throwaway cluster and runs the database tests on it too.
    /// </summary>
    PostgreSql,
}
