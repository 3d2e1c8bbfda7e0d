using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// Plain SQL against the test database: how tests compute expected rows independently of the code under test.
/// SQL is written in SQLite's spelling and rewritten for PostgreSQL by <see cref="SqlDialect"/>; values come back
/// the same from both (dates as 'yyyy-MM-dd', flags as 0/1).
/// </summary>
public static partial class Sql
{
    public static List<string> Strings(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Connect();
        using var cmd = Command(db, c, sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(Text(r.GetValue(0))!);
        }
        return list;
    }

    public static long Scalar(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Connect();
        using var cmd = Command(db, c, sql, parameters);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static string? Text(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Connect();
        using var cmd = Command(db, c, sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is string or DateOnly or DateTime ? Text(value) : null;
    }

    /// <summary>Row count and a SHA-256 over every value of every row in rowid order (SQLite): any gained, lost or changed row shows.</summary>
    public static string Fingerprint(TestDatabase db, string table)
    {
        using var c = db.Open();
        using var cmd = Command(db, c, $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid", []);
        using var r = cmd.ExecuteReader();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var rows = 0;
        while (r.Read())
        {
            rows++;
            for (var i = 0; i < r.FieldCount; i++)
            {
                var value = r.IsDBNull(i) ? "\u0000null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(value + "\u001f"));
            }
            hash.AppendData("\u001e"u8);
        }
        return $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }

    public static void Execute(TestDatabase db, string sql)
    {
        using var c = db.Connect();
        using var cmd = Command(db, c, sql, []);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A command of the database's provider with the SQL rewritten for it and the parameters bound.</summary>
    public static DbCommand Command(TestDatabase db, DbConnection c, string sql, (string Name, object Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = SqlDialect.For(db.Provider, sql);
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = SqlDialect.Parameter(db.Provider, name);
            p.Value = value;
            // A date written as text ('2025-06-30') goes to PostgreSQL untyped, as a literal would, so it compares
            // with a date column (date <= text has no operator there) and still with a text one.
            if (p is NpgsqlParameter np && value is string text && IsoDate().IsMatch(text))
            {
                np.NpgsqlDbType = NpgsqlDbType.Unknown;
            }
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    /// <summary>A value as SQLite would give it as text: dates 'yyyy-MM-dd', flags 0/1.</summary>
    public static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
