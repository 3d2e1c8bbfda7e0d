namespace Warehouse.Benchmarks;

/// <summary>Our GraphQL of scenarios 1 and 4, in one place: the suite and the peer comparison send the same text.</summary>
internal static class Queries
{
    public const string PageMonitorType = "脱贫不稳定户";
    public const int PageBelowYuan = 12000;

    /// <summary>Scenario 1: a filtered, ordered page of 50 households, 8 fields, members nested.</summary>
    public static string PageWithMembers => $$"""
        { households(where: {perCapitaNetIncome: {lt: {{PageBelowYuan}} }, monitorType: {eq: "{{PageMonitorType}}"} }, order: [{perCapitaNetIncome: ASC}],
          first: 50) {
            nodes { id villageCode townshipCode householdAttr monitorType householdSize perCapitaNetIncome netIncome
                    members { id relation gender laborCapacity } } } }
        """;

    /// <summary>Scenario 4: the first 10 households, three fields.</summary>
    public const string Simple = "{ households(first: 10) { nodes { id villageCode perCapitaNetIncome } } }";
}
