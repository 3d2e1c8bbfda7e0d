using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// Writes a request's audit records in one transaction. Writing them is part of answering: if this throws,
/// the caller returns an <see cref="ErrorCodes.AuditUnavailable"/> error and no data.
/// </summary>
public sealed class AuditWriter(IDbContextFactory<WarehouseDbContext> contexts)
{
    public async Task WriteAsync(AccessContext access, AuditBuffer buffer, string kind, string? operation, string? documentHash, CancellationToken ct)
    {
        if (buffer.IsEmpty)
        {
            return;
        }
        var now = DateTime.UtcNow;
        // Column limits on SQL Server: operation names are the caller's text, so they are cut, not trusted.
        operation = operation is { Length: > 200 } ? operation[..200] : operation;
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var (field, record, reason) in buffer.Reveals)
        {
            db.AuditRecords.Add(new AuditRecordRow
            {
                At = now, UserId = access.UserId, Role = access.RoleName, Kind = AuditKinds.Reveal,
                TypeName = field.Entity.TypeName, FieldName = field.Name, RecordId = record, Reason = reason,
                Operation = operation, DocumentHash = documentHash,
            });
        }
        foreach (var (type, fields, rows) in buffer.PersonalData)
        {
            db.AuditRecords.Add(new AuditRecordRow
            {
                At = now, UserId = access.UserId, Role = access.RoleName, Kind = kind, TypeName = type,
                Operation = operation, DocumentHash = documentHash, RowCount = rows,
                Detail = JsonSerializer.Serialize(fields),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
