using Microsoft.Data.Sqlite;

namespace Warehouse.Tests.Infrastructure;

/// <summary>Plain SQL against the test database: how tests compute expected rows independently of the code under test.</summary>
public static class Sql
{
    public static List<string> Strings(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Open();
        using var cmd = Command(c, sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }
        return list;
    }

    public static long Scalar(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Open();
        using var cmd = Command(c, sql, parameters);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? Text(TestDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        using var c = db.Open();
        using var cmd = Command(c, sql, parameters);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Row count and a SHA-256 over every value of every row in rowid order: any gained, lost or changed row shows.</summary>
    public static string Fingerprint(TestDatabase db, string table)
    {
        using var c = db.Open();
        using var cmd = Command(c, $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ORDER BY rowid", []);
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
        using var c = db.Open();
        using var cmd = Command(c, sql, []);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, (string Name, object Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return cmd;
    }
}
