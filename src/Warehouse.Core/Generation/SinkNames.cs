namespace Warehouse.Generation;

/// <summary>Guards the identifiers a sink puts into SQL text (values always go through parameters).</summary>
internal static class SinkNames
{
    public static void Check(string table, IReadOnlyList<string> columns)
    {
        CheckIdentifier(table, nameof(table));
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one column is needed.", nameof(columns));
        }

        foreach (var c in columns)
        {
            CheckIdentifier(c, nameof(columns));
            if (Tables.ComputedColumns.Contains(c, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException("Column " + c + " is computed by the database and must not be written.", nameof(columns));
            }
        }
    }

    private static void CheckIdentifier(string name, string parameter)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 128 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') || char.IsAsciiDigit(name[0]))
        {
            throw new ArgumentException("Invalid identifier '" + name + "'.", parameter);
        }
    }
}
