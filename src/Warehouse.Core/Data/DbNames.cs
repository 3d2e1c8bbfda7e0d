namespace Warehouse.Data;

/// <summary>
/// Object names per dialect. SQL Server and PostgreSQL keep API views in schema <c>api</c>, base tables in
/// <c>wh</c> and the security tables in <c>sec</c>; SQLite has no schemas, so the schema becomes a name prefix.
/// </summary>
public static class DbNames
{
    public const string ApiSchema = "api";
    public const string SecuritySchema = "sec";
    public const string BaseSchema = "wh";

    /// <summary>The record-key column of the base tables and views that carry one (see EntityDef.RecordKey).</summary>
    public const string RecordKeyColumn = "record_key";

    /// <summary>True for the dialects with schemas (SQL Server, PostgreSQL).</summary>
    public static bool HasSchemas(DatabaseProvider provider) => provider != DatabaseProvider.Sqlite;

    public static (string Name, string? Schema) View(DatabaseProvider provider, string view) =>
        HasSchemas(provider) ? (view, ApiSchema) : ("api_" + view, null);

    public static (string Name, string? Schema) SecurityTable(DatabaseProvider provider, string table) =>
        HasSchemas(provider) ? (table, SecuritySchema) : ("sec_" + table, null);

    /// <summary>Quoted name for hand-written SQL (tests, exports' baseline).</summary>
    public static string QuotedView(DatabaseProvider provider, string view) => provider switch
    {
        DatabaseProvider.SqlServer => $"[{ApiSchema}].[{view}]",
        DatabaseProvider.PostgreSql => $"\"{ApiSchema}\".\"{view}\"",
        _ => $"\"api_{view}\"",
    };

    /// <summary>Security table name as it appears in SQL text.</summary>
    public static string SecurityTableSql(DatabaseProvider provider, string table) => provider switch
    {
        DatabaseProvider.SqlServer => $"[{SecuritySchema}].[{table}]",
        DatabaseProvider.PostgreSql => $"{SecuritySchema}.{table}",
        _ => $"sec_{table}",
    };
}
