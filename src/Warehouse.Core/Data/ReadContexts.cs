using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;
using Warehouse.Observability;

namespace Warehouse.Data;

/// <summary>
/// The one place that decides where a data read goes: the list, lookup, relation, aggregate and export queries
/// (<see cref="Querying.QueryEngine"/>, <see cref="Aggregation.AggregateEngine"/>) and Explain's plans take their
/// contexts here. With read replicas configured (<c>ConnectionStrings:WarehouseRead</c>, <c>WarehouseRead2</c>, …)
/// each read goes to the next reachable replica in turn (round-robin: several replicas exist to share the read
/// load, and first-healthy would send it all to one); without, to the primary. Everything that decides who may
/// read what — the permission version and matrix, assignments, API keys, regions — and every write (audit,
/// administration, persisted documents) takes the primary's factory directly and never comes here, so a
/// permission change is in force on the next request whatever the replicas' lag.
/// <para>
/// A replica's connection is opened here, before any statement, so that a replica that is down is noticed while
/// the read can still go elsewhere; it is then skipped for <see cref="ReadReplicaOptions.RetryAfterSeconds"/>.
/// When none is reachable the read goes to the primary, or, with <see cref="ReadReplicaOptions.FallbackToPrimary"/>
/// off, fails with <see cref="ReplicaUnavailableException"/> (REPLICA_UNAVAILABLE, 503).
/// </para>
/// </summary>
public sealed class ReadContexts
{
    private readonly IDbContextFactory<WarehouseDbContext> _primary;
    private readonly State[] _replicas;
    private readonly ReadReplicaOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger? _logger;
    private int _next = -1;

    /// <summary>Reads from the primary only (no replicas configured; tests and tools).</summary>
    public ReadContexts(IDbContextFactory<WarehouseDbContext> primary)
        : this(primary, [], new ReadReplicaOptions())
    {
    }

    public ReadContexts(IDbContextFactory<WarehouseDbContext> primary, IReadOnlyList<ReadReplica> replicas, ReadReplicaOptions options,
        TimeProvider? clock = null, ILogger<ReadContexts>? logger = null)
    {
        _primary = primary;
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = logger;
        _replicas = new State[replicas.Count];
        for (var i = 0; i < replicas.Count; i++)
        {
            // Each replica has a context pool of its own, configured like the primary's, plus the watch on its commands.
            var state = _replicas[i] = new State(replicas[i].Name);
            var builder = new DbContextOptionsBuilder<WarehouseDbContext>();
            // No audit file on a replica: it serves data reads only, and the audit trail is written on the primary.
            DbContextFactory.Configure(builder, replicas[i].Options, attachAudit: false);
            builder.AddInterceptors(new ReplicaFaultInterceptor((connection, e) => MarkDown(state, connection, e)));
            state.Contexts = new PooledDbContextFactory<WarehouseDbContext>(builder.Options);
        }
    }

    /// <summary>How many replicas are configured (0: every read goes to the primary).</summary>
    public int ReplicaCount => _replicas.Length;

    /// <summary>A context for one data read; dispose it when the read is done.</summary>
    public async Task<WarehouseDbContext> CreateAsync(CancellationToken ct)
    {
        if (_replicas.Length == 0)
        {
            WarehouseTelemetry.DataReads.Add(1, new KeyValuePair<string, object?>("target", "primary"));
            return await _primary.CreateDbContextAsync(ct);
        }
        var start = (uint)Interlocked.Increment(ref _next);
        var now = _clock.GetUtcNow();
        for (var i = 0; i < _replicas.Length; i++)
        {
            var replica = _replicas[(start + (uint)i) % (uint)_replicas.Length];
            if (Interlocked.Read(ref replica.DownUntilTicks) > now.UtcTicks)
            {
                continue;
            }
            var db = await replica.Contexts!.CreateDbContextAsync(ct);
            try
            {
                // EF Core leaves a connection it did not open itself open until the context is disposed, so the
                // read runs on exactly this (reachable) connection.
                await db.Database.OpenConnectionAsync(ct);
                WarehouseTelemetry.DataReads.Add(1, new KeyValuePair<string, object?>("target", "replica"));
                return db;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is DbException or TimeoutException or InvalidOperationException)
            {
                await db.DisposeAsync();
                MarkDown(replica, null, e);
            }
        }
        if (!_options.FallbackToPrimary)
        {
            throw new ReplicaUnavailableException();
        }
        WarehouseTelemetry.DataReads.Add(1, new KeyValuePair<string, object?>("target", "fallback"));
        return await _primary.CreateDbContextAsync(ct);
    }

    /// <summary>
    /// Skips the replica for a while; a connection that broke also empties its pool (the pool's other idle
    /// connections to it are dead too), so the replica's first read after the pause opens a fresh one.
    /// </summary>
    private void MarkDown(State replica, DbConnection? broken, Exception? e)
    {
        var until = _clock.GetUtcNow().AddSeconds(_options.RetryAfterSeconds);
        Interlocked.Exchange(ref replica.DownUntilTicks, until.UtcTicks);
        switch (broken)
        {
            case NpgsqlConnection npgsql:
                NpgsqlConnection.ClearPool(npgsql);
                break;
            case Microsoft.Data.SqlClient.SqlConnection sql:
                Microsoft.Data.SqlClient.SqlConnection.ClearPool(sql);
                break;
        }
        _logger?.LogWarning(e, "Read replica {Replica} is unreachable; reads skip it for {Seconds} s", replica.Name, _options.RetryAfterSeconds);
    }

    /// <summary>A replica, its context pool and until when (UTC ticks) it is skipped; requests race on it, hence the interlocked reads and writes.</summary>
    private sealed class State(string name)
    {
        public long DownUntilTicks;

        public string Name { get; } = name;

        public PooledDbContextFactory<WarehouseDbContext>? Contexts { get; set; }
    }
}
