namespace Warehouse.Generation;

/// <summary>Guards the identifiers a sink puts into SQL text (values always go through parameters).</summary>
internal static class SinkNames
{
    /// <summary>
    /// What every sink checks when a table begins: the load is still open, the previous table was ended, and the
    /// table and column names are safe to put into SQL text.
    /// </summary>
    public static void CheckBegin(bool completed, bool tableOpen, string table, IReadOnlyList<string> columns)
    {
        if (completed)
        {
            throw new InvalidOperationException("The load was already completed.");
        }

        if (tableOpen)
        {
            throw new InvalidOperationException("The previous table was not ended.");
        }

        Check(table, columns);
    }

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
