using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Querying;

/// <summary>
/// As-of conditions: each compiled to date bounds, compared with SQL that computes the quantity (age, days) from its
/// own definition; the asOf argument's default is the server's today; and an as-of condition reads no more than the
/// field it derives from (masked birth dates, protected aggregates).
/// </summary>
public sealed class AsOfTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestDatabase Db => fixture.App.Database;

    // Age in whole years on $d from the calendar, independently of the date bounds the engine compiles to.
    private const string Age = "(CAST(strftime('%Y', $d) AS INTEGER) - CAST(strftime('%Y', birth_date) AS INTEGER) - (strftime('%m-%d', $d) < " +
        "strftime('%m-%d', birth_date)))";

    [Theory]
    [InlineData("{gte: 16, lte: 59}", "BETWEEN 16 AND 59")]
    [InlineData("{eq: 60}", "= 60")]
    [InlineData("{gt: 59}", "> 59")]
    [InlineData("{lt: 16}", "< 16")]
    public async Task Age_on_the_as_of_date_is_the_calendar_age(string filter, string sql)
    {
        var v = fixture.Village;
        const string asOf = "2024-02-29";
        var data = await WarehouseApp.DataAsync(fixture.App.ClientFor("village", v),
            $$"""query($d: DateOnly) { members(asOf: $d, where: {ageOnAsOf: {{filter}}}, first: 500, order: [{id: ASC}]) { totalCount nodes { id } } }""",
                new { d = asOf });
        var expected = Sql.Strings(Db, $"SELECT member_id FROM member WHERE village_code = $v AND {Age} {sql} ORDER BY 1 LIMIT 500", ("$v", v), ("$d", asOf));
        Assert.NotEmpty(expected);
        Assert.Equal(Sql.Scalar(Db, $"SELECT COUNT(*) FROM member WHERE village_code = $v AND {Age} {sql}", ("$v", v), ("$d", asOf)),
            data["members"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(expected, data["members"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
    }

    [Theory]
    [InlineData("daysSinceReport: {gt: 15}", "julianday($d) - julianday(reported_at) > 15")]
    [InlineData("daysSinceReport: {gte: 0, lte: 30}", "julianday($d) - julianday(reported_at) BETWEEN 0 AND 30")]
    [InlineData("daysSinceReport: {eq: 3}", "julianday($d) - julianday(reported_at) = 3")]
    [InlineData("reportedThisYear: {eq: true}", "reported_at BETWEEN '2025-01-01' AND $d")]
    [InlineData("reportedThisYear: {eq: false}", "NOT (reported_at BETWEEN '2025-01-01' AND $d)")]
    public async Task Days_since_and_the_year_to_date_are_counted_from_the_as_of_date(string filter, string sql)
    {
        const string asOf = "2025-12-20";
        var data = await WarehouseApp.DataAsync(fixture.App.ClientFor("county", fixture.County),
            $$"""query($d: DateOnly) { cases(asOf: $d, where: { {{filter}} }) { totalCount } }""", new { d = asOf });
        Assert.Equal(Sql.Scalar(Db, $"SELECT COUNT(*) FROM monitoring_case WHERE {sql}", ("$d", asOf)), data["cases"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Days_until_and_in_force_are_counted_from_the_as_of_date()
    {
        var t = fixture.Township;
        const string asOf = "2025-11-20";
        var data = await WarehouseApp.DataAsync(fixture.App.ClientFor("township", t), """
            query($d: DateOnly) {
              posts(asOf: $d, where: {daysToTermEnd: {gte: 0, lte: 30}}) { totalCount }
              jobs(asOf: $d, where: {employedOnAsOf: {eq: true}}) { totalCount }
              standards(asOf: $d, where: {inForceOnAsOf: {eq: true}}) { totalCount }
            }
            """, new { d = asOf });
        Assert.Equal(Sql.Scalar(Db, "SELECT COUNT(*) FROM welfare_post WHERE township_code = $t AND term_end BETWEEN $d AND date($d, '+30 days')", ("$t", t),
            ("$d", asOf)),
            data["posts"]!["totalCount"]!.GetValue<int>());
        // Township reads a child's job fields as null, so a child's job never matches a condition on them.
        Assert.Equal(Sql.Scalar(Db, $"""
                SELECT COUNT(*) FROM employment e WHERE e.township_code = $t AND e.start_month <= $d AND (e.end_month IS NULL OR e.end_month >= '2025-11-01')
                AND {Minors.AboutAdult("e.member_id")}
                """, ("$t", t), ("$d", asOf)),
            data["jobs"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Sql.Scalar(Db, "SELECT COUNT(*) FROM standard WHERE valid_from <= $d AND (valid_to IS NULL OR valid_to >= $d)", ("$d", asOf)),
            data["standards"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_asOf_the_conditions_count_from_the_servers_today()
    {
        using var app = new WarehouseApp { Clock = FixedClock.On(new DateOnly(2025, 12, 20)) };
        var client = app.ClientFor("county", fixture.County);
        const string q = "query($d: DateOnly) { cases(asOf: $d, where: {daysSinceReport: {gt: 15}}) { totalCount } }";
        var byDefault = await WarehouseApp.DataAsync(client, q);
        var explicitly = await WarehouseApp.DataAsync(client, q, new { d = "2025-12-20" });
        var otherDay = await WarehouseApp.DataAsync(client, q, new { d = "2025-12-31" });
        Assert.Equal(explicitly["cases"]!["totalCount"]!.GetValue<int>(), byDefault["cases"]!["totalCount"]!.GetValue<int>());
        Assert.NotEqual(otherDay["cases"]!["totalCount"]!.GetValue<int>(), byDefault["cases"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    // The county and the township read birth dates masked: an age condition would reveal them.
    [InlineData("county", "members(where: {ageOnAsOf: {gte: 16}}) { totalCount }", "FIELD_MASKED")]
    [InlineData("township", "members(where: {ageOnAsOf: {gte: 16}}) { totalCount }", "FIELD_MASKED")]
    [InlineData("township", "households(where: {members: {some: {ageOnAsOf: {eq: 40}}}}) { totalCount }", "FIELD_MASKED")]
    // A protected aggregate takes region codes only, as-of conditions included.
    [InlineData("county", "jobsAggregate(where: {employedOnAsOf: {eq: true}}) { groups { count } }", "PROTECTED_AGGREGATE")]
    [InlineData("village", "cases(where: {daysSinceReport: {in: [1, 2]}}) { totalCount }", null)]
    public async Task An_as_of_condition_reads_no_more_than_its_source_field(string role, string query, string? code)
    {
        var region = role switch { "county" => fixture.County, "township" => fixture.Township, _ => fixture.Village };
        var body = await WarehouseApp.PostAsync(fixture.App.ClientFor(role, region), "{ " + query + " }", expectStatus: null);
        var actual = WarehouseApp.FirstErrorCode(body);
        if (code is null)
        {
            // `in` is not an operator of an as-of count: refused by validation, never compiled.
            Assert.NotNull(body["errors"]);
        }
        else
        {
            Assert.Equal(code, actual);
        }
        Assert.True(body["data"] is null || body["data"]!.AsObject().All(kv => kv.Value is null), body.ToJsonString());
    }
}
