using System.Data.Common;
using System.Security.Cryptography;
using Warehouse.Data;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Loading;

/// <summary>Writes one entity's valid rows with its prepared <see cref="UpsertStatement"/> inside the import's transaction, counting inserts, updates
/// and unchanged rows.</summary>
internal static class TableWriter
{
    public static void Write(DbConnection connection, DbTransaction transaction, Dialect dialect, EntitySpec entity, IReadOnlyList<object?[]> rows,
        ReferenceTable existing, EntityCounts counts, IProgress<ImportProgress>? progress)
    {
        if (rows.Count == 0)
        {
            return;
        }
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = UpsertStatement.Sql(dialect, entity);
        var width = rows[0].Length;
        var parameters = new DbParameter[width];
        for (var i = 0; i < width; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            cmd.Parameters.Add(parameters[i]);
        }
        DbParameter? recordKey = null;
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            var updatedAt = cmd.CreateParameter();
            updatedAt.ParameterName = "@updated_at";
            updatedAt.Value = Timestamps.ToSqliteText(DateTime.UtcNow);
            cmd.Parameters.Add(updatedAt);
            if (entity.HasRecordKey)
            {
                recordKey = cmd.CreateParameter();
                recordKey.ParameterName = "@record_key";
                cmd.Parameters.Add(recordKey);
            }
        }
        // SQLite: one compiled statement for every row. Npgsql and SqlClient infer parameter types from values, which a
        // prepared statement would fix at the first row's (a NULL date later would not match), so they run unprepared.
        if (dialect.Provider == DatabaseProvider.Sqlite)
        {
            cmd.Prepare();
        }
        var done = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < width; i++)
            {
                parameters[i].Value = dialect.ToDb(row[i]);
            }
            if (recordKey is not null)
            {
                // Same range as the 0006 trigger's draw (1..2^31-1); kept on update (the upsert never sets it).
                recordKey.Value = (long)RandomNumberGenerator.GetInt32(1, int.MaxValue);
            }
            if (cmd.ExecuteNonQuery() == 0)
            {
                counts.Unchanged++;
            }
            else if (existing.Stored.ContainsKey((string)row[0]!))
            {
                counts.Updated++;
            }
            else
            {
                counts.Inserted++;
            }
            if (++done % 10_000 == 0)
            {
                progress?.Report(new ImportProgress("write", entity.Name, done, rows.Count));
            }
        }
        if (done % 10_000 != 0)
        {
            progress?.Report(new ImportProgress("write", entity.Name, done, rows.Count));
        }
    }
}
