using System.Globalization;

namespace Warehouse.Benchmarks.Peer;

/// <summary>
/// The peer's equivalents of scenarios 1 and 4, written by hand against its schema (PostGraphile's default names
/// over the wh tables): the same filter, order, page size and columns. Money is in fen there (bigint, served as a
/// string) where we serve 元; the members carry the minors rule as an explicit filter, because the county reads no
/// records of children under 14 in our API and the peer has no such rule of its own.
/// </summary>
internal static class PeerQueries
{
    public static readonly PeerComparison.Shape OurPage = new("households", "id", "members", "id");
    public static readonly PeerComparison.Shape PeerPage = new("allHouseholds", "householdId", "membersByHouseholdId", "memberId", ChildrenAreConnection: true);
    public static readonly PeerComparison.Shape OurSimple = new("households", "id");
    public static readonly PeerComparison.Shape PeerSimple = new("allHouseholds", "householdId");

    /// <summary>Scenario 1 for the peer: below <paramref name="belowFen"/>, one monitoring type, by income then key, 50 rows.</summary>
    public static string Page(long belowFen, string monitorType, DateOnly adultBornBy) => string.Create(CultureInfo.InvariantCulture, $$$"""
        { allHouseholds(filter: {perCapitaNetIncomeFen: {lessThan: "{{{belowFen}}}"}, monitorType: {equalTo: "{{{monitorType}}}"}},
            orderBy: [PER_CAPITA_NET_INCOME_FEN_ASC, HOUSEHOLD_ID_ASC], first: 50) {
            nodes { householdId villageCode townshipCode householdAttr monitorType householdSize perCapitaNetIncomeFen netIncomeFen
                    membersByHouseholdId(filter: {birthDate: {lessThanOrEqualTo: "{{{adultBornBy:yyyy-MM-dd}}}"}}, orderBy: MEMBER_ID_ASC) {
                      nodes { memberId relation gender laborCapacity } } } } }
        """);

    /// <summary>Scenario 4 for the peer: the first 10 households in key order, three columns.</summary>
    public const string Simple = "{ allHouseholds(first: 10, orderBy: PRIMARY_KEY_ASC) { nodes { householdId villageCode perCapitaNetIncomeFen } } }";

    /// <summary>The latest birth date of a person 14 or older today (UTC), as our minors rule computes it.</summary>
    public static DateOnly AdultBornBy(DateTime utcNow) => DateOnly.FromDateTime(utcNow).AddYears(-Warehouse.Members.MinorAge.Years);
}
