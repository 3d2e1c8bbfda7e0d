using System.Text.Json;
using System.Text.Json.Nodes;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Households;
using Warehouse.Members;
using Warehouse.Querying;
using Warehouse.Security;
using Xunit;

namespace Warehouse.Tests.Querying;

/// <summary>
/// The error paths of filter compilation, table-driven and without a database (compiling builds expressions only):
/// every bad filter is a coded QueryException naming where it went wrong, before any SQL exists.
/// </summary>
public sealed class FilterCompilerTests : IDisposable
{
    private readonly WarehouseDbContext _db = DbContextFactory.Create(new DatabaseOptions { ConnectionString = "Data Source=:memory:" });

    private static AccessContext Reader(string role) => new("u", role, role switch
    {
        "county" => "139901000000",
        "township" => "139901101000",
        _ => "139901101202",
    }, false, PermissionSnapshot.FromCatalogue(WarehouseCatalogue.Default));

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // role, entity, where (JSON), expected code
        { "county", "Household", """{"shoeSize": {"eq": 1}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"householdSize": {"contains": "1"}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"householdSize": {"gt": null}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"householdSize": 3}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"and": {"householdSize": {"eq": 3}}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"householdSize": {"in": 3}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"householdSize": {"eq": "three"}}""", ErrorCodes.InvalidValue },
        { "county", "Household", """{"perCapitaNetIncome": {"lt": 8500.123}}""", ErrorCodes.InvalidValue },
        { "county", "Household", """{"riskTypes": {"eq": "因病"}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"riskTypes": {"some": {"eq": "因病,因学"}}}""", ErrorCodes.InvalidValue },
        { "county", "Household", """{"members": {"every": {"gender": {"eq": "男"}}}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"members": {"any": "yes"}}""", ErrorCodes.InvalidFilter },
        { "county", "Household", """{"phone": {"eq": "13900000000"}}""", ErrorCodes.FieldMasked },
        { "township", "Household", """{"bankName": {"eq": "农商行"}}""", ErrorCodes.FieldHidden },
        { "county", "Household", """{"geoPoint": {"eq": "40.1,118.2"}}""", ErrorCodes.FieldMasked },
        { "county", "Member", """{"ethnicity": {"eq": "汉族"}}""", ErrorCodes.FieldHidden },
        { "county", "Member", """{"name": {"startsWith": "张"}}""", ErrorCodes.FieldMasked },
        { "county", "Member", """{"household": {"phone": {"eq": "1"}}}""", ErrorCodes.FieldMasked },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_filters_are_coded_errors(string role, string type, string where, string code)
    {
        var e = Assert.Throws<QueryException>(() => Compile(role, type, where));
        Assert.Equal(code, e.Code);
        // The message says where: the path in the filter, or the field the reader may not use.
        Assert.True(e.Message.StartsWith("where", StringComparison.Ordinal) || e.Message.Contains(type + ".", StringComparison.Ordinal)
            || e.Message.Contains("Household.", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Too_many_conditions_are_refused_before_sql()
    {
        var or = new JsonArray([.. Enumerable.Range(0, FilterLimits.MaxConditions + 1)
            .Select(i => (JsonNode)new JsonObject { ["householdSize"] = new JsonObject { ["eq"] = i } })]);
        var e = Assert.Throws<QueryException>(() => Compile("county", "Household", new JsonObject { ["or"] = or }.ToJsonString()));
        Assert.Equal(ErrorCodes.InvalidFilter, e.Code);
    }

    [Fact]
    public void Too_deep_nesting_is_refused_before_sql()
    {
        JsonNode where = new JsonObject { ["householdSize"] = new JsonObject { ["eq"] = 3 } };
        for (var i = 0; i <= FilterLimits.MaxDepth + 1; i++)
        {
            where = new JsonObject { ["not"] = where };
        }
        Assert.Equal(ErrorCodes.InvalidFilter, Assert.Throws<QueryException>(() => Compile("county", "Household", where.ToJsonString())).Code);
    }

    [Fact]
    public void Too_long_in_lists_are_refused_before_sql()
    {
        var values = new JsonArray([.. Enumerable.Range(0, FilterLimits.MaxInList + 1).Select(i => (JsonNode)JsonValue.Create($"H{i:D7}"))]);
        var where = new JsonObject { ["id"] = new JsonObject { ["in"] = values } };
        Assert.Equal(ErrorCodes.InvalidFilter, Assert.Throws<QueryException>(() => Compile("county", "Household", where.ToJsonString())).Code);
    }

    [Theory]
    [InlineData("""{"householdSize": {"gte": 2, "lte": 5}}""")]
    [InlineData("""{"or": [{"monitorType": {"eq": null}}, {"riskTypes": {"some": {"in": ["因病", "因学"]}}}]}""")]
    [InlineData("""{"members": {"some": {"healthStatus": {"eq": "残疾"}}, "none": {"workStatus": {"neq": "未务工"}}}}""")]
    public void Good_filters_compile(string where) => Assert.NotNull(Compile("county", "Household", where));

    private object? Compile(string role, string type, string where)
    {
        var compiler = new FilterCompiler(new QuerySources(_db, Reader(role)));
        var parsed = ToDictionary(JsonNode.Parse(where)!.AsObject());
        return type switch
        {
            "Household" => compiler.Compile((EntityDef<Household>)WarehouseCatalogue.Default.Require("Household"), parsed),
            _ => compiler.Compile((EntityDef<Member>)WarehouseCatalogue.Default.Require("Member"), parsed),
        };
    }

    /// <summary>JSON as the graph hands arguments to the compiler: dictionaries, lists and CLR scalars.</summary>
    private static Dictionary<string, object?> ToDictionary(JsonObject o) => o.ToDictionary(p => p.Key, p => Value(p.Value));

    private static object? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToDictionary(o),
        JsonArray a => a.Select(Value).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.GetValue<decimal>() is var d && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d : (object)d,
            _ => null,
        },
        _ => null,
    };

    public void Dispose() => _db.Dispose();
}
