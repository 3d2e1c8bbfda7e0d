using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// FIELD_HIDDEN is decided on the document (Graph/Validation), wherever the name appears: selection, argument
/// literal, variable default, variable value, inside lists and relation filters. A name the catalogue does not have
/// is a typo and keeps GraphQL.NET's own code, so the hidden/typo distinction does not hang on message wording.
/// </summary>
public sealed class HiddenFieldValidationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Village => fixture.App.ClientFor("village", fixture.Village);

    public static TheoryData<string, string?, string> Cases() => new()
    {
        { "{ members(first: 1) { nodes { diseaseName } } }", null, "FIELD_HIDDEN" },
        { "{ members(first: 1) { nodes { diseaseNam } } }", null, "FIELDS_ON_CORRECT_TYPE" },
        { "{ members(where: {diseaseNam: {eq: \"x\"}}) { totalCount } }", null, "ARGUMENTS_OF_CORRECT_TYPE" },
        { "{ members(where: {or: [{education: {eq: \"x\"}}, {diseaseName: {eq: \"x\"}}]}) { totalCount } }", null, "FIELD_HIDDEN" },
        { "query($w: MemberFilterInput = {diseaseName: {eq: \"x\"}}) { members(where: $w) { totalCount } }", null, "FIELD_HIDDEN" },
        { "query($w: [MemberFilterInput!]) { members(where: {or: $w}) { totalCount } }",
            """{"w": [{"education": {"eq": "x"}}, {"diseaseName": {"eq": "x"}}]}""", "FIELD_HIDDEN" },
        { "query($w: MemberFilterInput) { members(where: $w) { totalCount } }", """{"w": {"diseaseNam": {"eq": "x"}}}""", "INVALID_VALUE" },
        { "query($w: HouseholdFilterInput) { households(where: $w) { totalCount } }", """{"w": {"members": {"some": {"disabilityCertNo": {"eq": "x"}}}}}""",
            "FIELD_HIDDEN" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hidden_fields_are_FIELD_HIDDEN_and_typos_keep_the_library_code(string query, string? variables, string code)
    {
        var parsed = variables is null ? null : System.Text.Json.Nodes.JsonNode.Parse(variables);
        var body = await WarehouseApp.PostAsync(Village, query, parsed, expectStatus: 400);
        Assert.Equal(code, WarehouseApp.FirstErrorCode(body));
        if (code == "FIELD_HIDDEN")
        {
            Assert.Contains("village", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Null(body["data"]);
    }
}
