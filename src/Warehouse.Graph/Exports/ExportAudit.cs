using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// The audit records of one export (kind EXPORT). <see cref="StartedAsync"/> is written before the first byte of
/// data and must succeed, or no data is sent; <see cref="FinishedAsync"/> records the row count once the stream
/// ends (phase <c>completed</c>, or <c>aborted</c> when it stopped early). Both carry the same export id in
/// their detail, with the format, fields, where and order.
/// </summary>
internal sealed class ExportAudit(IDbContextFactory<WarehouseDbContext> contexts, AccessContext access, ExportPlan plan,
    string operation, string requestHash, IReadOnlyDictionary<string, object?> request, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ExportId { get; } = Guid.NewGuid().ToString("N")[..16];

    public Task StartedAsync(CancellationToken ct) => WriteAsync("started", null, ct);

    public Task FinishedAsync(bool completed, int rows, CancellationToken ct) => WriteAsync(completed ? "completed" : "aborted", rows, ct);

    private async Task WriteAsync(string phase, int? rows, CancellationToken ct)
    {
        var detail = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exportId"] = ExportId,
            ["phase"] = phase,
            ["fields"] = plan.Columns.Select(c => c.Path).ToList(),
        };
        foreach (var (key, value) in request)
        {
            detail[key] = value;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditRecords.Add(new AuditRecordRow
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = access.UserId, Role = access.RoleName, Kind = AuditKinds.Export,
            TypeName = plan.Entity.TypeName, Operation = operation, DocumentHash = requestHash, RowCount = rows,
            Detail = JsonSerializer.Serialize(detail, Json),
        });
        await db.SaveChangesAsync(ct);
    }
}
