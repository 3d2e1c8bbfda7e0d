using System.Data.Common;
using System.Text.Json;
using Warehouse.Security;

namespace Warehouse.Import.Loading;

/// <summary>
/// The audit record of an import (kind IMPORT): who, the SHA-256 of the files, rows written, and per entity the
/// rows read, rejected, inserted, updated and unchanged. Written in the import's own transaction, so a load and
/// its record commit together; a refused load is recorded too (committed: false), since the attempt is an event.
/// </summary>
internal static class ImportAudit
{
    public static string Sql(Dialect dialect) =>
        $"INSERT INTO {dialect.AuditTable} (at, user_id, role, kind, operation, document_hash, row_count, detail) "
        + "VALUES (@at, @user_id, @role, @kind, @operation, @document_hash, @row_count, @detail)";

    public static void Write(DbConnection connection, DbTransaction? transaction, Dialect dialect, ImportOptions options, IReadOnlyList<string> files,
        ImportResult result)
    {
        var detail = JsonSerializer.Serialize(new
        {
            committed = result.Committed,
            acceptValid = options.AcceptValid,
            files = files.Select(Path.GetFileName),
            rejects = result.Errors,
            entities = result.Entities.ToDictionary(e => e.Key, e => new
            {
                read = e.Value.Read, rejected = e.Value.Rejected, inserted = e.Value.Inserted,
                updated = e.Value.Updated, unchanged = e.Value.Unchanged
            }),
        });
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = Sql(dialect);
        void Add(string name, object? value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        var now = DateTime.UtcNow;
        Add("@at", new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc));
        Add("@user_id", options.User.Length > 128 ? options.User[..128] : options.User);
        Add("@role", options.Role);
        Add("@kind", AuditKinds.Import);
        Add("@operation", "import");
        Add("@document_hash", result.FileHash);
        Add("@row_count", result.Entities.Values.Sum(c => c.Inserted + c.Updated));
        Add("@detail", detail);
        cmd.ExecuteNonQuery();
    }
}
