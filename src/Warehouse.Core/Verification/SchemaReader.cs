using System.Data.Common;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// Reads the views of the API schema and their columns' declared types from the database's own catalogue: SQLite's
/// <c>pragma_table_info</c> over <c>api_*</c> objects, PostgreSQL's <c>pg_attribute</c> over schema <c>api</c>
/// (views, tables and materialized views alike, which information_schema would not list), SQL Server's
/// <c>INFORMATION_SCHEMA.COLUMNS</c> of schema <c>api</c>. Tables count as views: a DBA may map with either.
/// </summary>
internal static class SchemaReader
{
    /// <summary>The statement, returning (view without prefix, column, declared type).</summary>
    public static string Statement(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer =>
            "SELECT [c].[TABLE_NAME], [c].[COLUMN_NAME], [c].[DATA_TYPE] FROM [INFORMATION_SCHEMA].[COLUMNS] AS [c] WHERE [c].[TABLE_SCHEMA] = " +
                "'api' ORDER BY [c].[TABLE_NAME], [c].[ORDINAL_POSITION]",
        DatabaseProvider.PostgreSql =>
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_class AS c "
            + "JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid "
            + "WHERE n.nspname = 'api' AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum",
        _ =>
            "SELECT substr(m.name, 5), p.name, p.type FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
            + "WHERE m.type IN ('view', 'table') AND m.name LIKE 'api\\_%' ESCAPE '\\' ORDER BY m.name, p.cid",
    };

    public static DatabaseSchema Read(DbConnection connection, DatabaseProvider provider)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Statement(provider);
        using var reader = command.ExecuteReader();
        var columns = new List<(string, ViewColumn)>();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), new ViewColumn(reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2))));
        }
        return new DatabaseSchema(provider, columns);
    }
}
