namespace Warehouse.Data;

/// <summary>The database engines Warehouse runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a SQLite file (tests and CI run on it).</summary>
    Sqlite,
    /// <summary>Production target.</summary>
    SqlServer,
}
