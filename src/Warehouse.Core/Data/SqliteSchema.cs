using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>Questions about a SQLite connection's schemas (the data file as <c>main</c>, attached files by their name).</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// True when <paramref name="schema"/> (<c>main</c> or an attached schema's name: an identifier of ours, never
    /// input) holds a table named <paramref name="table"/>.
    /// </summary>
    public static bool HasTable(SqliteConnection connection, string schema, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{schema}\".sqlite_schema WHERE type = 'table' AND name = $table";
        command.Parameters.AddWithValue("$table", table);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
