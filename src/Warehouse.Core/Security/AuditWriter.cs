using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// Writes requests' audit records. Writing them is part of answering: <see cref="WriteAsync"/> completes only
/// once the records are committed, and if it throws, the caller returns an <see cref="ErrorCodes.AuditUnavailable"/>
/// error and no data. Concurrent requests share commits (group commit): one writer loop takes every request
/// waiting at that moment and commits their records in one transaction, so a busy server pays one disk flush
/// for many requests instead of one each, and SQLite's single writer is not a queue of tiny transactions.
/// </summary>
public sealed class AuditWriter(IDbContextFactory<WarehouseDbContext> contexts, TimeProvider time)
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _loop;

    public async Task WriteAsync(AccessContext access, AuditBuffer buffer, string kind, string? operation, string? documentHash, CancellationToken ct)
    {
        if (buffer.IsEmpty)
        {
            return;
        }
        var pending = new Pending(Records(access, buffer, kind, operation, documentHash),
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureLoop();
        await _queue.Writer.WriteAsync(pending, ct);
        await pending.Done.Task.WaitAsync(ct);
    }

    private List<AuditRecordRow> Records(AccessContext access, AuditBuffer buffer, string kind, string? operation, string? documentHash)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Column limits on SQL Server: operation names are the caller's text, so they are cut, not trusted.
        operation = operation is { Length: > 200 } ? operation[..200] : operation;
        var rows = new List<AuditRecordRow>();
        foreach (var (field, record, reason) in buffer.Reveals)
        {
            rows.Add(new AuditRecordRow
            {
                At = now, UserId = access.UserId, Role = access.RoleName, Kind = AuditKinds.Reveal,
                TypeName = field.Entity.TypeName, FieldName = field.Name, RecordId = record, Reason = reason,
                Operation = operation, DocumentHash = documentHash,
            });
        }
        foreach (var (type, groups, detail) in buffer.Aggregates)
        {
            rows.Add(new AuditRecordRow
            {
                At = now, UserId = access.UserId, Role = access.RoleName, Kind = AuditKinds.Aggregate, TypeName = type,
                Operation = operation, DocumentHash = documentHash, RowCount = groups, Detail = detail,
            });
        }
        foreach (var (type, fields, count) in buffer.PersonalData)
        {
            rows.Add(new AuditRecordRow
            {
                At = now, UserId = access.UserId, Role = access.RoleName, Kind = kind, TypeName = type,
                Operation = operation, DocumentHash = documentHash, RowCount = count,
                Detail = JsonSerializer.Serialize(fields),
            });
        }
        return rows;
    }

    private void EnsureLoop()
    {
        if (_loop is not null)
        {
            return;
        }
        lock (_gate)
        {
            _loop ??= Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await CommitAsync(batch.SelectMany(p => p.Rows));
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad request must not fail the others: retry each alone, so only its own write fails.
                foreach (var p in batch)
                {
                    await CommitOneAsync(p);
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task CommitOneAsync(Pending pending)
    {
        try
        {
            await CommitAsync(pending.Rows);
            pending.Done.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task CommitAsync(IEnumerable<AuditRecordRow> rows)
    {
        await using var db = await contexts.CreateDbContextAsync();
        // One transaction for the group, so each request's records are all written or none; a plain INSERT of the
        // rows (RowInserter), not SaveChanges: this runs for every request that reads personal data.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RowInserter.For<AuditRecordRow>(db).InsertAsync(db, rows as IReadOnlyList<AuditRecordRow> ?? [.. rows], CancellationToken.None);
        await transaction.CommitAsync();
    }

    private sealed record Pending(List<AuditRecordRow> Rows, TaskCompletionSource Done);
}
