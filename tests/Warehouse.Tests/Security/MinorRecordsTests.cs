using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Records of minors under 14 (PIPL Art. 28): aggregate-only for the county (counted, never listed), masked for
/// the township (and never singled out by a filter or an order on their personal fields), full for the village.
/// </summary>
public sealed class MinorRecordsTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_counts_minors_in_aggregates_but_lists_none(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, "{ members { totalCount } membersAggregate { groups { count } } }");
        var db = fixture.App.Database;
        Assert.Equal(Sql.Scalar(db, $"SELECT COUNT(*) FROM member WHERE {Minors.Adult()}"), data["members"]!["totalCount"]!.GetValue<int>());
        var all = Sql.Scalar(db, "SELECT COUNT(*) FROM member");
        Assert.InRange(data["membersAggregate"]!["groups"]![0]!["count"]!.GetValue<int>(), all - 2, all + 2);
        Assert.True(Sql.Scalar(db, $"SELECT COUNT(*) FROM member WHERE NOT ({Minors.Adult()})") > 0,
            "the county must have minors for this test to mean anything");
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_reads_minors_masked_and_cannot_single_them_out(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var township = fixture.Township;
        var client = fixture.App.ClientFor("township", township);
        var db = fixture.App.Database;
        var minors = Sql.Strings(db, $"SELECT member_id FROM member WHERE township_code = @t AND NOT ({Minors.Adult()}) ORDER BY member_id", ("@t", township));
        Assert.NotEmpty(minors);
        var id = minors[0];
        var row = (await WarehouseApp.DataAsync(client, "query($id: String!) { member(id: $id) { id name gender healthStatus relation } }",
            new { id }))["member"]!;
        var name = Sql.Text(db, "SELECT name FROM member WHERE member_id = @m", ("@m", id))!;
        Assert.Equal(name[0] + new string('*', name.Length - 1), row["name"]!.GetValue<string>());
        Assert.Null(row["gender"]);
        Assert.Null(row["healthStatus"]);

        // A filter on a personal field matches no minor, whatever the value; its negation matches them all.
        var health = Sql.Text(db, "SELECT health_status FROM member WHERE member_id = @m", ("@m", id))!;
        var filtered = await WarehouseApp.DataAsync(client, "query($h: String!) { members(where: {healthStatus: {eq: $h}}, first: 500) { nodes { id } } }",
            new { h = health });
        Assert.DoesNotContain(filtered["members"]!["nodes"]!.AsArray(), n => minors.Contains(n!["id"]!.GetValue<string>()));
        var negated = await WarehouseApp.DataAsync(client, "query($h: String!) { members(where: {not: {healthStatus: {eq: $h}}}) { totalCount } }",
            new { h = health });
        Assert.Equal(Sql.Scalar(db, $"SELECT COUNT(*) FROM member WHERE township_code = @t AND NOT ({Minors.Adult()} AND health_status = @h)", ("@t", township),
            ("@h", health)),
            negated["members"]!["totalCount"]!.GetValue<int>());

        // Ordering by a personal field puts minors where a missing value goes (first, ascending): not by their value.
        var ordered = await WarehouseApp.DataAsync(client, "{ members(order: [{workMonths: DESC}], last: 500) { nodes { id } } }");
        var tail = ordered["members"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(minors.Order(StringComparer.Ordinal), tail.TakeLast(minors.Count).Order(StringComparer.Ordinal));

        var reveal = await WarehouseApp.PostAsync(client, "query($id: String!) { member(id: $id) { idNumber(reveal: \"核对学籍信息\") } }", new { id });
        Assert.Equal("REVEAL_NOT_ALLOWED", WarehouseApp.FirstErrorCode(reveal));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_reads_minors_in_full(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var village = fixture.Village;
        var id = Sql.Strings(fixture.App.Database,
            $"SELECT member_id FROM member WHERE village_code = @v AND NOT ({Minors.Adult()}) ORDER BY member_id LIMIT 1", ("@v", village))[0];
        var row = (await WarehouseApp.DataAsync(fixture.App.ClientFor("village", village), "query($id: String!) { member(id: $id) { name gender } }",
            new { id }))["member"]!;
        Assert.Equal(Sql.Text(fixture.App.Database, "SELECT name FROM member WHERE member_id = @m", ("@m", id)), row["name"]!.GetValue<string>());
        Assert.NotNull(row["gender"]);
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "county")]
    [InlineData(DatabaseProvider.PostgreSql, "county")]
    [InlineData(DatabaseProvider.Sqlite, "township")]
    [InlineData(DatabaseProvider.PostgreSql, "township")]
    public async Task Aggregates_over_members_cannot_single_out_a_minor(DatabaseProvider provider, string role)
    {
        var fixture = fixtures[provider];
        var township = fixture.Township;
        var db = fixture.App.Database;
        var household = Sql.Strings(db, $"SELECT household_id FROM member WHERE township_code = @t AND NOT ({Minors.Adult()}) ORDER BY member_id LIMIT 1",
            ("@t", township))[0];
        var client = fixture.App.ClientFor(role, role == "county" ? fixture.County : township);
        var body = await WarehouseApp.PostAsync(client, """
            query($h: String!) { membersAggregate(where: {householdId: {eq: $h}}, groupBy: [RELATION, GENDER]) { protected groups { keys { relation
              gender } count } } }
            """, new { h = household });
        if (role == "county")
        {
            // The county reads no child's record: narrowing its protected aggregate to one household is refused before any SQL runs.
            Assert.Equal("PROTECTED_AGGREGATE", WarehouseApp.FirstErrorCode(body));
            return;
        }
        // The township reads a child's relation and gender as null in its lists, and so in its aggregates.
        Assert.False(body["data"]!["membersAggregate"]!["protected"]!.GetValue<bool>());
        Aggregation.AggregateAssert.Equal(db, body["data"]!["membersAggregate"]!, $"""
            SELECT CASE WHEN {Minors.Adult()} THEN relation END, CASE WHEN {Minors.Adult()} THEN gender END, COUNT(*)
            FROM member WHERE household_id = $h GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$h", household));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_member_leaves_the_rule_on_their_14th_birthday_by_the_servers_clock(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var db = fixture.App.Database;
        var (id, birth) = (Sql.Strings(db, $"SELECT member_id FROM member WHERE NOT ({Minors.Adult()}) ORDER BY birth_date LIMIT 1")[0],
            DateOnly.Parse(Sql.Strings(db, $"SELECT birth_date FROM member WHERE NOT ({Minors.Adult()}) ORDER BY birth_date LIMIT 1")[0],
                System.Globalization.CultureInfo.InvariantCulture));
        var birthday = birth.AddYears(14);
        foreach (var (today, visible) in new[] { (birthday.AddDays(-1), false), (birthday, true) })
        {
            using var app = new WarehouseApp(provider) { Clock = FixedClock.On(today) };
            var row = (await WarehouseApp.DataAsync(app.ClientFor("county", fixture.County), "query($id: String!) { member(id: $id) { id } }",
                new { id }))["member"];
            Assert.True(visible == row is not null,
                $"on {today:yyyy-MM-dd} the member born {birth:yyyy-MM-dd} should be {(visible ? "readable" : "aggregate-only")} for the county");
        }
    }
}
