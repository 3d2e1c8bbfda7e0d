using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Deployment;

/// <summary>
/// Where <see cref="ReadContexts"/> sends a read, on SQLite files standing in for replicas (a replica that is
/// down is a file opened read-only that does not exist): in turn, skipping an unreachable one until its pause is
/// over, then the primary or <see cref="ReplicaUnavailableException"/>.
/// </summary>
public sealed class ReadContextsTests : IDisposable
{
    private readonly TestDatabase _primary = TestDatabase.Copy();
    private readonly TestDatabase _first = TestDatabase.Copy();
    private readonly TestDatabase _second = TestDatabase.Copy();
    private readonly string _missing = Path.Combine(Path.GetTempPath(), $"warehouse-missing-replica-{Guid.NewGuid():N}.db");
    private readonly MovableClock _clock = new();

    private sealed class MovableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ReadReplica Replica(string name, string path) =>
        new(name, new DatabaseOptions { ConnectionString = $"Data Source={path};Mode=ReadOnly;Pooling=False" });

    private ReadContexts Reads(ReadReplicaOptions options, params ReadReplica[] replicas) =>
        new(new OptionsContextFactory(new DatabaseOptions { ConnectionString = _primary.ConnectionString }), replicas, options, _clock);

    private static async Task<string> Served(ReadContexts reads)
    {
        await using var db = await reads.CreateAsync(CancellationToken.None);
        return Path.GetFileName(db.Database.GetDbConnection().DataSource);
    }

    private static string Name(string path) => Path.GetFileName(path);

    [Fact]
    public async Task Replicas_take_reads_in_turn()
    {
        var reads = Reads(new ReadReplicaOptions(), Replica("WarehouseRead", _first.Path), Replica("WarehouseRead2", _second.Path));
        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            served.Add(await Served(reads));
        }
        Assert.Equal([Name(_first.Path), Name(_second.Path), Name(_first.Path), Name(_second.Path)], served);
    }

    [Fact]
    public async Task An_unreachable_replica_is_skipped_until_its_pause_is_over()
    {
        var reads = Reads(new ReadReplicaOptions { RetryAfterSeconds = 10 }, Replica("WarehouseRead", _missing), Replica("WarehouseRead2", _second.Path));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Name(_second.Path), await Served(reads));
        }
        // The replica comes back; within the pause it is not tried, after it it takes its turn again.
        File.Copy(_first.Path, _missing);
        _clock.Now += TimeSpan.FromSeconds(5);
        Assert.Equal([Name(_second.Path), Name(_second.Path)], [await Served(reads), await Served(reads)]);
        _clock.Now += TimeSpan.FromSeconds(6);
        Assert.Contains(Name(_missing), new[] { await Served(reads), await Served(reads) });
    }

    [Fact]
    public async Task With_no_replica_reachable_reads_fall_back_to_the_primary_or_are_refused()
    {
        var fallback = Reads(new ReadReplicaOptions(), Replica("WarehouseRead", _missing));
        Assert.Equal(Name(_primary.Path), await Served(fallback));
        var strict = Reads(new ReadReplicaOptions { FallbackToPrimary = false }, Replica("WarehouseRead", _missing));
        await Assert.ThrowsAsync<ReplicaUnavailableException>(() => Served(strict));
    }

    [Fact]
    public async Task Without_replicas_every_read_goes_to_the_primary()
    {
        var reads = new ReadContexts(new OptionsContextFactory(new DatabaseOptions { ConnectionString = _primary.ConnectionString }));
        Assert.Equal(0, reads.ReplicaCount);
        Assert.Equal(Name(_primary.Path), await Served(reads));
    }

    public void Dispose()
    {
        _primary.Dispose();
        _first.Dispose();
        _second.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_missing);
    }
}
