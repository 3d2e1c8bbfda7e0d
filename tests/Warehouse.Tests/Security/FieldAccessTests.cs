using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>Masks, hidden fields, side channels (filter, sort, relation filter, cursor) and reveal with audit.</summary>
public sealed class FieldAccessTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_reads_names_and_ids_masked_village_reads_names_in_full(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var village = fixture.Village;
        var id = Sql.Strings(fixture.App.Database, "SELECT member_id FROM member WHERE village_code = @v ORDER BY member_id LIMIT 1", ("@v", village))[0];
        var name = Sql.Text(fixture.App.Database, "SELECT name FROM member WHERE member_id = @m", ("@m", id))!;
        var idNumber = Sql.Text(fixture.App.Database, "SELECT id_number FROM member WHERE member_id = @m", ("@m", id))!;
        const string query = "query($id: String!) { member(id: $id) { name idNumber } }";

        var county = (await WarehouseApp.DataAsync(fixture.App.ClientFor("county", fixture.County), query, new { id }))["member"]!;
        Assert.Equal(name[0] + new string('*', name.Length - 1), county["name"]!.GetValue<string>());
        // First 3 characters only: the last 4 would give the number back with the birth date (MaskRecoveryTests).
        Assert.Equal(idNumber[..3] + new string('*', 15), county["idNumber"]!.GetValue<string>());

        var villageRow = (await WarehouseApp.DataAsync(fixture.App.ClientFor("village", village), query, new { id }))["member"]!;
        Assert.Equal(name, villageRow["name"]!.GetValue<string>());
        Assert.Equal(idNumber[..3] + new string('*', 15), villageRow["idNumber"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Hidden_field_fails_validation_naming_field_and_role_and_is_not_introspectable(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        var body = await WarehouseApp.PostAsync(client, "{ members(first: 1) { nodes { id diseaseName } } }", expectStatus: 400);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(body));
        var message = body["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("Member.diseaseName", message, StringComparison.Ordinal);
        Assert.Contains("village", message, StringComparison.Ordinal);
        Assert.Null(body["data"]);

        var type = await WarehouseApp.DataAsync(client, "{ __type(name: \"Member\") { fields { name } } }");
        var names = type["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("diseaseName", names);
        Assert.DoesNotContain("disabilityCertNo", names);
        Assert.Contains("name", names);
        var filter = await WarehouseApp.DataAsync(client, "{ __type(name: \"MemberFilterInput\") { inputFields { name } } }");
        Assert.DoesNotContain("diseaseName", filter["__type"]!["inputFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "{ members(where: {name: {eq: \"张三\"}}) { totalCount } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ members(where: {name: {eq: \"张三\"}}) { totalCount } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ members(order: [{name: ASC}]) { nodes { id } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ members(order: [{name: ASC}]) { nodes { id } } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ households(where: {members: {some: {name: {startsWith: \"张\"}}}}) { totalCount } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ households(where: {members: {some: {name: {startsWith: \"张\"}}}}) { totalCount } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ households(where: {phone: {startsWith: \"138\"}}) { totalCount } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ households(where: {phone: {startsWith: \"138\"}}) { totalCount } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ jobs(order: [{member: {birthDate: ASC}}]) { nodes { id } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ jobs(order: [{member: {birthDate: ASC}}]) { nodes { id } } }")]
    public async Task Masked_fields_cannot_be_filtered_sorted_or_reached_through_relations(DatabaseProvider provider, string query)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        // Refused by validation, before anything runs: a request error (400, no data) located at the masked field.
        var body = await WarehouseApp.PostAsync(client, query, expectStatus: 400);
        Assert.Equal("FIELD_MASKED", WarehouseApp.FirstErrorCode(body));
        Assert.Contains("county", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["data"]);
        Assert.NotNull(body["errors"]![0]!["locations"]);
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "query($w: MemberFilterInput) { members(where: $w) { totalCount } }", "{\"w\": {\"name\": {\"eq\": \"张三\"}}}")]
    [InlineData(DatabaseProvider.PostgreSql, "query($w: MemberFilterInput) { members(where: $w) { totalCount } }", "{\"w\": {\"name\": {\"eq\": \"张三\"}}}")]
    [InlineData(DatabaseProvider.Sqlite, "query($o: [MemberSortInput!]) { members(order: $o) { nodes { id } } }", "{\"o\": [{\"name\": \"ASC\"}]}")]
    [InlineData(DatabaseProvider.Sqlite,
        "query($w: HouseholdFilterInput) { households(where: $w) { totalCount } }",
            "{\"w\": {\"members\": {\"some\": {\"idNumber\": {\"endsWith\": \"1234\"}}}}}")]
    public async Task Masked_fields_inside_variables_are_refused_the_same_way(DatabaseProvider provider, string query, string variables)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var body = await WarehouseApp.PostAsync(client, query, System.Text.Json.Nodes.JsonNode.Parse(variables), expectStatus: 400);
        Assert.Equal("FIELD_MASKED", WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]);

        // The same document with a harmless variable value runs: the refusal is about the value, not the document.
        var harmless = await WarehouseApp.PostAsync(client, query, System.Text.Json.Nodes.JsonNode.Parse("{}"));
        Assert.Null(harmless["errors"]);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Reveal_needs_a_reason_and_is_audited_before_data_returns(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County, user: "reveal-tester");
        var id = Sql.Strings(fixture.App.Database, "SELECT member_id FROM member ORDER BY member_id LIMIT 1 OFFSET 5")[0];
        var noReason = await WarehouseApp.PostAsync(client, "query($id: String!) { member(id: $id) { idNumber(reveal: \"  \") } }", new { id });
        Assert.Equal("REVEAL_REASON_REQUIRED", WarehouseApp.FirstErrorCode(noReason));
        Assert.Null(noReason["data"]!["member"]!["idNumber"]);

        var data = await WarehouseApp.DataAsync(client, "query($id: String!) { member(id: $id) { idNumber(reveal: \"核对低保资格 case 2025-118\") name } }",
            new { id });
        Assert.Equal(Sql.Text(fixture.App.Database, "SELECT id_number FROM member WHERE member_id = @m", ("@m", id)),
            data["member"]!["idNumber"]!.GetValue<string>());
        Assert.Contains("*", data["member"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, Sql.Scalar(fixture.App.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'REVEAL' AND user_id = 'reveal-tester' AND type_name = 'Member' AND field_name = " +
                "'idNumber' AND record_id = @m AND reason = '核对低保资格 case 2025-118'", ("@m", id)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Requests_returning_personal_data_are_audited_with_fields_and_rows(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village, user: "audit-tester");
        await WarehouseApp.DataAsync(client, "query Visits { households(first: 7, order: [{id: ASC}]) { nodes { id phone monitorType } } }");
        var detail = Sql.Text(fixture.App.Database,
            "SELECT detail FROM sec_audit_record WHERE kind = 'DATA_ACCESS' AND user_id = 'audit-tester' AND type_name = 'Household' AND operation " +
                "= 'Visits' AND row_count = 7");
        Assert.NotNull(detail);
        Assert.Contains("phone", detail, StringComparison.Ordinal);
        Assert.Contains("monitorType", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\"", detail, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Public_data_requests_write_no_audit_record(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village, user: "public-reader");
        await WarehouseApp.DataAsync(client, "{ projects(first: 3) { nodes { code name totalInvest } } }");
        Assert.Equal(0, Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'public-reader'"));
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "{ members(where: {diseaseName: {eq: \"糖尿病\"}}) { totalCount } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ members(where: {diseaseName: {eq: \"糖尿病\"}}) { totalCount } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ households(where: {members: {some: {disabilityCertNo: {eq: \"x\"}}}}) { totalCount } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ households(where: {members: {some: {disabilityCertNo: {eq: \"x\"}}}}) { totalCount } }")]
    public async Task Hidden_fields_in_filters_fail_naming_field_and_role(DatabaseProvider provider, string query)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        var body = await WarehouseApp.PostAsync(client, query, expectStatus: 400);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(body));
        Assert.Contains("village", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Hidden_fields_in_filter_variables_fail_naming_field_and_role(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("township", fixture.Township);
        var body = await WarehouseApp.PostAsync(client, "query($w: HouseholdFilterInput) { households(where: $w) { totalCount } }",
            new { w = new { bankName = new { eq = "农商行" } } }, expectStatus: 400);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(body));
        Assert.Contains("Household.bankName", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Mutations_sent_by_a_data_role_are_request_errors(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        var body = await WarehouseApp.PostAsync(client, "mutation { assignUser(userId: \"x\", role: \"county\", regionCode: \"139901000000\") { version } }",
            expectStatus: 400);
        Assert.Null(body["data"]);
    }
}
