using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Deployment;

/// <summary>
/// Read replicas on a real streaming replica of the test cluster (pg_basebackup -R, a hot standby on another
/// loopback port): data reads are served by the replica (its statistics, its recovery flag, its stale rows while
/// replay is paused), permission changes are enforced at once because the permission version and matrix are read
/// from the primary, and once the replica is stopped reads fall back to the primary — or, with the fallback off,
/// fail with REPLICA_UNAVAILABLE (503). See docs/deployment.md.
/// </summary>
[Trait("Category", TestCategories.Slow)]
public sealed class ReadReplicaTests(ITestOutputHelper output)
{
    private const string County = "139901000000";
    private const string ScansOfHouseholds =
        "SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_user_tables WHERE schemaname = 'wh' AND relname = 'household'";

    [PostgresFact(needsBinaries: true)]
    public async Task Reads_go_to_the_replica_permissions_to_the_primary_and_reads_fall_back_when_the_replica_stops()
    {
        var database = TestDatabase.Copy(DatabaseProvider.PostgreSql);
        var clock = Stopwatch.StartNew();
        using var replica = StreamingReplica.Start();
        var made = clock.Elapsed;
        var caughtUp = replica.WaitForReplay(TimeSpan.FromMinutes(1));
        output.WriteLine($"replica made and started in {made.TotalSeconds:0.0} s; caught up in {caughtUp.TotalMilliseconds:0} ms");
        using var app = new WarehouseApp(database, ("ConnectionStrings:WarehouseRead", replica.ConnectionString(database.Path)),
            ("Warehouse:ReadReplicas:RetryAfterSeconds", "2"));
        using var reader = app.ClientFor("county", County, "replica-reader");

        // The read path's contexts are the replica's (in recovery); the primary's are not.
        await using (var read = await app.Services.GetRequiredService<ReadContexts>().CreateAsync(CancellationToken.None))
        {
            Assert.True((await read.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").ToListAsync()).Single());
        }
        await using (var primary = await app.Services.GetRequiredService<IDbContextFactory<WarehouseDbContext>>().CreateDbContextAsync())
        {
            Assert.False((await primary.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").ToListAsync()).Single());
        }

        // Statistics: the replica's scans of the household table grow with the requests, the primary's do not.
        var replicaBefore = long.Parse(replica.Query(database.Path, ScansOfHouseholds), CultureInfo.InvariantCulture);
        var primaryBefore = Sql.Scalar(database, ScansOfHouseholds);
        const int Reads = 5;
        for (var i = 0; i < Reads; i++)
        {
            await WarehouseApp.DataAsync(reader, "{ households(first: 20) { nodes { id householdSize } } }");
        }
        var replicaAfter = await Eventually(() => long.Parse(replica.Query(database.Path, ScansOfHouseholds), CultureInfo.InvariantCulture),
            n => n >= replicaBefore + Reads);
        await Task.Delay(1500); // statistics are flushed about once a second: the primary's would show by now
        var primaryAfter = Sql.Scalar(database, ScansOfHouseholds);
        output.WriteLine($"household scans for {Reads} requests: replica {replicaBefore} -> {replicaAfter}, primary {primaryBefore} -> {primaryAfter}");
        Assert.True(replicaAfter >= replicaBefore + Reads, $"replica scans {replicaBefore} -> {replicaAfter}");
        Assert.Equal(primaryBefore, primaryAfter);

        // Replay paused: the replica (so every data read) is behind, and a permission change is still in force at once.
        replica.Query("postgres", "SELECT pg_wal_replay_pause()");
        var id = Sql.Strings(database, "SELECT household_id FROM household ORDER BY household_id LIMIT 1")[0];
        var size = Sql.Scalar(database, "SELECT household_size FROM household WHERE household_id = @id", ("@id", id));
        Sql.Scalar(database, "UPDATE household SET household_size = household_size + 5 WHERE household_id = @id", ("@id", id));
        const string One = "query($id: String!) { household(id: $id) { householdSize } }";
        var stale = await WarehouseApp.DataAsync(reader, One, new { id });
        Assert.Equal(size, stale["household"]!["householdSize"]!.GetValue<long>());

        var township = Sql.Strings(database, "SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1")[0];
        using var officer = app.ClientFor("township", township, "replica-township");
        await WarehouseApp.DataAsync(officer, "{ households(first: 1) { nodes { householdAttr } } }");
        const string Cell = "SELECT {0} FROM sec.field_permission WHERE role = 'township' AND type_name = 'Household' AND field_name = 'householdAttr'";
        var version = Sql.Scalar(database, string.Format(CultureInfo.InvariantCulture, Cell, "version"));
        using var admin = app.ClientFor("admin", null, "replica-admin");
        await WarehouseApp.DataAsync(admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }", new
        {
            c = new[] { new { role = "township", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } }
        });
        var hidden = await WarehouseApp.PostAsync(officer, "{ households(first: 1) { nodes { householdAttr } } }", expectStatus: 400);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(hidden));
        // …while the replica still holds the old matrix: the change did not wait for replication.
        Assert.Equal("FULL", replica.Query(database.Path, string.Format(CultureInfo.InvariantCulture, Cell, "access")));

        replica.Query("postgres", "SELECT pg_wal_replay_resume()");
        replica.WaitForReplay(TimeSpan.FromMinutes(1));
        var fresh = await WarehouseApp.DataAsync(reader, One, new { id });
        Assert.Equal(size + 5, fresh["household"]!["householdSize"]!.GetValue<long>());
        // Replication lag of a one-row update: as the test cluster commits (synchronous_commit off, so the WAL writer
        // sends it within wal_writer_delay, 200 ms) and as a production primary does (on: flushed at commit).
        foreach (var synchronous in new[] { "off", "on" })
        {
            var lags = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                // From before the update is sent until the replica has replayed it: an upper bound of the lag.
                var sent = Stopwatch.StartNew();
                using (var connection = database.Connect())
                using (var update = connection.CreateCommand())
                {
                    update.CommandText = "SELECT set_config('synchronous_commit', @mode, false)";
                    var mode = update.CreateParameter();
                    (mode.ParameterName, mode.Value) = ("mode", synchronous);
                    update.Parameters.Add(mode);
                    update.ExecuteNonQuery();
                    update.CommandText = "UPDATE wh.household SET household_size = household_size + 1 WHERE household_id = @id";
                    update.Parameters.Clear();
                    var key = update.CreateParameter();
                    (key.ParameterName, key.Value) = ("id", id);
                    update.Parameters.Add(key);
                    update.ExecuteNonQuery();
                }
                replica.WaitForReplay(TimeSpan.FromMinutes(1));
                lags.Add(sent.Elapsed.TotalMilliseconds);
            }
            output.WriteLine($"update sent -> replayed on the replica, synchronous_commit={synchronous}: " +
                $"{string.Join(", ", lags.Select(l => l.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
        }

        // Replica stopped: reads go to the primary. A read already holding one of the replica's pooled (now dead)
        // connections may fail once with DATABASE_UNAVAILABLE; that marks the replica down and the next reads fall back.
        replica.Stop();
        var expected = Sql.Scalar(database, "SELECT household_size FROM household WHERE household_id = @id", ("@id", id));
        var failed = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var body = await WarehouseApp.PostAsync(reader, One, new { id }, expectStatus: null);
            if (body["errors"] is not null)
            {
                failed.Add(WarehouseApp.FirstErrorCode(body) ?? body["errors"]!.ToJsonString());
                continue;
            }
            Assert.Equal(expected, body["data"]!["household"]!["householdSize"]!.GetValue<long>());
        }
        output.WriteLine($"after the replica stopped: {4 - failed.Count} of 4 reads answered from the primary; failed: {string.Join(", ", failed)}");
        Assert.True(failed.Count <= 1 && failed.All(c => c == "DATABASE_UNAVAILABLE"), string.Join(", ", failed));

        // With the fallback off, the same read is refused with a code instead of loading the primary.
        using var strict = new WarehouseApp(database, ("ConnectionStrings:WarehouseRead", replica.ConnectionString(database.Path)),
            ("Warehouse:ReadReplicas:FallbackToPrimary", "false"));
        using var strictReader = strict.ClientFor("county", County, "replica-strict");
        // GraphQL answers the field with null and the code (200: other root fields of the request may have answers,
        // the rule DATABASE_UNAVAILABLE follows too); the export has nothing to send and is a 503.
        var refused = await WarehouseApp.PostAsync(strictReader, "{ households(first: 3) { nodes { id } } }", expectStatus: null);
        Assert.Equal("REPLICA_UNAVAILABLE", WarehouseApp.FirstErrorCode(refused));
        Assert.Null(refused["data"]!["households"]);
        using var export = await strictReader.GetAsync(new Uri("/export/households.csv", UriKind.Relative));
        Assert.Equal(503, (int)export.StatusCode);
        Assert.Contains("REPLICA_UNAVAILABLE", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<long> Eventually(Func<long> read, Func<long, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = read();
        while (!done(value) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(200);
            value = read();
        }
        return value;
    }
}
