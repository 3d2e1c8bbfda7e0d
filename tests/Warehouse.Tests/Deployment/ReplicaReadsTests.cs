using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Deployment;

/// <summary>
/// The API with a read replica (here a second SQLite file that differs from the primary in one value, so it shows
/// which database answered): reads come from the replica under the reader's scope and masks exactly as from the
/// primary — another village's row stays out of reach, masked fields stay masked — and the audit records go to the
/// primary. The real PostgreSQL streaming replica is in <see cref="ReadReplicaTests"/>.
/// </summary>
public sealed class ReplicaReadsTests
{
    [Fact]
    public async Task Reads_come_from_the_replica_under_the_readers_scope_and_masks_and_are_audited_on_the_primary()
    {
        var replica = TestDatabase.Copy();
        try
        {
            using var app = new WarehouseApp(("ConnectionStrings:WarehouseRead", replica.ConnectionString));
            var primary = app.Database;
            var villages = Sql.Strings(primary, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 2");
            const string FirstOf = "SELECT household_id FROM household WHERE village_code = @v ORDER BY household_id LIMIT 1";
            var own = Sql.Strings(primary, FirstOf, ("@v", villages[0]))[0];
            var other = Sql.Strings(primary, FirstOf, ("@v", villages[1]))[0];
            Sql.Scalar(replica, "UPDATE household SET household_size = household_size + 100 WHERE household_id = @id", ("@id", own));
            var onReplica = Sql.Scalar(replica, "SELECT household_size FROM household WHERE household_id = @id", ("@id", own));

            using var village = app.ClientFor("village", villages[0], "replica-village");
            const string One = "query($id: String!) { household(id: $id) { householdSize } }";
            var mine = await WarehouseApp.DataAsync(village, One, new { id = own });
            Assert.Equal(onReplica, mine["household"]!["householdSize"]!.GetValue<long>());
            var theirs = await WarehouseApp.PostAsync(village, One, new { id = other }, expectStatus: null);
            Assert.Null(theirs["data"]?["household"]);
            var count = await WarehouseApp.DataAsync(village, "{ households { totalCount } }");
            Assert.Equal(Sql.Scalar(replica, "SELECT COUNT(*) FROM household WHERE village_code = @v", ("@v", villages[0])),
                count["households"]!["totalCount"]!.GetValue<long>());

            using var county = app.ClientFor("county", "139901000000", "replica-county");
            var member = Sql.Strings(primary, "SELECT member_id FROM member ORDER BY member_id LIMIT 1")[0];
            var masked = await WarehouseApp.DataAsync(county, "query($id: String!) { member(id: $id) { name } }", new { id = member });
            Assert.Contains("*", masked["member"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);

            Assert.True(Sql.Scalar(primary, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'DATA_ACCESS' AND user_id = 'replica-village'") >= 1);
            Assert.Equal(0, Sql.Scalar(replica, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id LIKE 'replica-%'"));
        }
        finally
        {
            replica.Dispose();
        }
    }
}
