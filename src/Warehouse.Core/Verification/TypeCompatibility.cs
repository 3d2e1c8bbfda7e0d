using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// Which column types the API can read each value as, per provider: the types its own scripts use and those the
/// provider's reader converts without loss. SQL Server's reader converts nothing (an <c>int</c> column read as a
/// <c>long</c> fails), so its list is exact; Npgsql widens integers; SQLite declares affinities, not types, so
/// any declaration of the right affinity (or none: a computed view column) is accepted, and the data rules check
/// the values themselves.
/// </summary>
internal static class TypeCompatibility
{
    private static readonly Dictionary<(DatabaseProvider, Type), string[]> Accepted = new()
    {
        [(DatabaseProvider.SqlServer, typeof(string))] = ["varchar", "nvarchar", "char", "nchar"],
        [(DatabaseProvider.SqlServer, typeof(int))] = ["int"],
        [(DatabaseProvider.SqlServer, typeof(long))] = ["bigint"],
        [(DatabaseProvider.SqlServer, typeof(bool))] = ["bit"],
        [(DatabaseProvider.SqlServer, typeof(DateOnly))] = ["date"],
        [(DatabaseProvider.SqlServer, typeof(DateTime))] = ["datetime2", "datetime", "smalldatetime"],
        [(DatabaseProvider.PostgreSql, typeof(string))] = ["text", "character varying", "character", "varchar", "bpchar"],
        [(DatabaseProvider.PostgreSql, typeof(int))] = ["integer", "smallint"],
        [(DatabaseProvider.PostgreSql, typeof(long))] = ["bigint", "integer", "smallint"],
        [(DatabaseProvider.PostgreSql, typeof(bool))] = ["boolean"],
        [(DatabaseProvider.PostgreSql, typeof(DateOnly))] = ["date"],
        [(DatabaseProvider.PostgreSql, typeof(DateTime))] = ["timestamp with time zone", "timestamp without time zone"],
    };

    /// <summary>SQLite affinities (https://sqlite.org/datatype3.html, 3.1) accepted per value type; "" is a column declared without a type.</summary>
    private static readonly Dictionary<Type, SqliteAffinity[]> SqliteAccepted = new()
    {
        [typeof(string)] = [SqliteAffinity.Text, SqliteAffinity.None],
        [typeof(int)] = [SqliteAffinity.Integer, SqliteAffinity.Numeric, SqliteAffinity.None],
        [typeof(long)] = [SqliteAffinity.Integer, SqliteAffinity.Numeric, SqliteAffinity.None],
        [typeof(bool)] = [SqliteAffinity.Integer, SqliteAffinity.Numeric, SqliteAffinity.None],
    };

    /// <summary>Whether a column reported as <paramref name="declaredType"/> can be read as <paramref name="valueType"/>.</summary>
    public static bool IsCompatible(DatabaseProvider provider, Type valueType, string declaredType)
    {
        var normalized = Normalize(declaredType);
        if (provider == DatabaseProvider.Sqlite)
        {
            var affinity = AffinityOf(normalized);
            if (valueType == typeof(DateOnly) || valueType == typeof(DateTime))
            {
                // A column declared DATE or DATETIME has numeric affinity but keeps 'yyyy-MM-dd' text as text.
                return affinity is SqliteAffinity.Text or SqliteAffinity.None
                    || (affinity == SqliteAffinity.Numeric && (normalized.Contains("DATE", StringComparison.OrdinalIgnoreCase)
                        || normalized.Contains("TIME", StringComparison.OrdinalIgnoreCase)));
            }
            return SqliteAccepted.TryGetValue(valueType, out var ok) && ok.Contains(affinity);
        }
        return Accepted.TryGetValue((provider, valueType), out var names) && names.Contains(normalized, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The type the shipped scripts use (SQL Server, PostgreSQL) or the affinity to declare (SQLite).</summary>
    public static string Canonical(DatabaseProvider provider, Type valueType) => provider == DatabaseProvider.Sqlite
        ? valueType == typeof(string) || valueType == typeof(DateOnly) || valueType == typeof(DateTime) ? "TEXT" : "INTEGER"
        : valueType == typeof(DateTime) && provider == DatabaseProvider.PostgreSql ? "timestamp with time zone"
        : valueType == typeof(string) ? (provider == DatabaseProvider.SqlServer ? "varchar / nvarchar" : "varchar / text")
        : Accepted[(provider, valueType)][0];

    /// <summary>What the report says is expected, e.g. "bigint" or "one of varchar, nvarchar, char, nchar".</summary>
    public static string Expected(DatabaseProvider provider, Type valueType)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return valueType == typeof(string) ? "TEXT (or no type)"
                : valueType == typeof(DateOnly) ? "TEXT 'yyyy-MM-dd' (or DATE, or no type)"
                : valueType == typeof(DateTime) ? "TEXT 'yyyy-MM-dd HH:mm:ss.fff' (or DATETIME, or no type)"
                : "INTEGER (or no type)";
        }
        var names = Accepted[(provider, valueType)];
        return names.Length == 1 ? names[0] : "one of " + string.Join(", ", names);
    }

    /// <summary>The type name without length, precision or scale: "character varying(20)" → "character varying", "timestamp(3) with time zone" →
    /// "timestamp with time zone".</summary>
    public static string Normalize(string declaredType)
    {
        var text = declaredType.Trim();
        while (text.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 && text.IndexOf(')', open) is var close and > 0)
        {
            text = text[..open].TrimEnd() + (close + 1 < text.Length ? " " + text[(close + 1)..].TrimStart() : "");
        }
        return text.Trim();
    }

    /// <summary>SQLite's affinity rules for a declared type, in their order (INT, then CHAR/CLOB/TEXT, then BLOB or none, then REAL/FLOA/DOUB, else
    /// NUMERIC).</summary>
    public static SqliteAffinity AffinityOf(string declaredType)
    {
        var t = declaredType.ToUpperInvariant();
        if (t.Contains("INT", StringComparison.Ordinal)) return SqliteAffinity.Integer;
        if (t.Contains("CHAR", StringComparison.Ordinal) || t.Contains("CLOB", StringComparison.Ordinal)
            || t.Contains("TEXT", StringComparison.Ordinal)) return SqliteAffinity.Text;
        if (t.Length == 0) return SqliteAffinity.None;
        if (t.Contains("BLOB", StringComparison.Ordinal)) return SqliteAffinity.Blob;
        if (t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal)
            || t.Contains("DOUB", StringComparison.Ordinal)) return SqliteAffinity.Real;
        return SqliteAffinity.Numeric;
    }
}
