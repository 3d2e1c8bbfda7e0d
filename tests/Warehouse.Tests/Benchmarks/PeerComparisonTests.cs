using Warehouse.Benchmarks.Peer;
using Xunit;

namespace Warehouse.Tests.Benchmarks;

/// <summary>The peer's answer against ours: same rows in the same order, nested rows too, whatever each side names them.</summary>
public sealed class PeerComparisonTests
{
    private const string Ours = """
        {"data":{"households":{"nodes":[
          {"id":"H1","perCapitaNetIncome":3751.69,"members":[{"id":"M1-01"},{"id":"M1-02"}]},
          {"id":"H2","perCapitaNetIncome":3808.13,"members":[]}]}}}
        """;

    private const string Peer = """
        {"data":{"allHouseholds":{"nodes":[
          {"householdId":"H1","perCapitaNetIncomeFen":"375169","membersByHouseholdId":{"nodes":[{"memberId":"M1-01"},{"memberId":"M1-02"}]}},
          {"householdId":"H2","perCapitaNetIncomeFen":"380813","membersByHouseholdId":{"nodes":[]}}]}}}
        """;

    [Fact]
    public void The_same_rows_under_other_names_are_the_same()
    {
        var ours = PeerComparison.Rows(Ours, PeerQueries.OurPage);
        var peer = PeerComparison.Rows(Peer, PeerQueries.PeerPage);
        Assert.Null(PeerComparison.Difference(ours, peer));
        Assert.Equal((2, 2), PeerComparison.Count(ours));
    }

    [Theory]
    [InlineData("\"M1-02\"}]}}", "\"M1-03\"}]}}", "row 0 (H1)")]                 // another member
    [InlineData(",{\"memberId\":\"M1-02\"}", "", "row 0 (H1): 2 nested rows")]   // a member missing (e.g. a minor let through)
    [InlineData("\"householdId\":\"H2\"", "\"householdId\":\"H3\"", "row 1: H2 (ours) vs H3 (peer)")]
    public void A_different_row_or_member_is_named(string find, string replace, string expected)
    {
        var peer = PeerComparison.Rows(Peer.Replace(find, replace, StringComparison.Ordinal), PeerQueries.PeerPage);
        var difference = PeerComparison.Difference(PeerComparison.Rows(Ours, PeerQueries.OurPage), peer);
        Assert.NotNull(difference);
        Assert.Contains(expected, difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_rows_and_another_order_are_differences()
    {
        var ours = PeerComparison.Rows(Ours, PeerQueries.OurPage);
        Assert.Equal("2 rows (ours) vs 1 (peer)", PeerComparison.Difference(ours, ours.Take(1).ToList()));
        Assert.StartsWith("row 0: H1 (ours) vs H2 (peer)", PeerComparison.Difference(ours, ours.Reverse().ToList()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"Field \"x\" is not defined"}]}""", "has errors")]
    [InlineData("""{"data":{"somethingElse":{"nodes":[]}}}""", "no data.allHouseholds.nodes")]
    [InlineData("""{"data":{"allHouseholds":{"nodes":[{"villageCode":"1"}]}}}""", "without householdId")]
    [InlineData("""{"data":{"allHouseholds":{"nodes":[{"householdId":"H1"}]}}}""", "has no membersByHouseholdId")]
    public void An_answer_of_another_shape_fails_with_its_start(string json, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => PeerComparison.Rows(json, PeerQueries.PeerPage));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_nested_rows_compares_keys_only()
    {
        var ours = PeerComparison.Rows("""{"data":{"households":{"nodes":[{"id":"H1"},{"id":"H2"}]}}}""", PeerQueries.OurSimple);
        var peer = PeerComparison.Rows("""{"data":{"allHouseholds":{"nodes":[{"householdId":"H1"},{"householdId":"H2"}]}}}""", PeerQueries.PeerSimple);
        Assert.Null(PeerComparison.Difference(ours, peer));
    }

    [Theory]
    [InlineData("2026-12-01T23:59:59", "2012-12-01")]
    [InlineData("2028-02-29T00:00:00", "2014-02-28")]
    public void Adults_are_born_at_least_fourteen_years_before_today(string now, string bornBy) =>
        Assert.Equal(DateOnly.Parse(bornBy, System.Globalization.CultureInfo.InvariantCulture),
            PeerQueries.AdultBornBy(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres;Database=warehouse_bench_30000_seed42",
        "postgres://postgres@127.0.0.1:5432/warehouse_bench_30000_seed42")]
    [InlineData("Host=localhost;Port=6000;Username=bench;Password=p@ss:w/rd;Database=db", "postgres://bench:p%40ss%3Aw%2Frd@localhost:6000/db")]
    public void The_connection_string_becomes_a_postgres_url(string connectionString, string url) =>
        Assert.Equal(url, PeerServer.PostgresUrl(connectionString));
}
