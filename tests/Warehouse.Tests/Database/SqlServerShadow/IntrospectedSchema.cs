using System.Text.Json.Nodes;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>A role's GraphQL schema as introspection reports it: enough to generate every query shape it allows.</summary>
internal sealed class IntrospectedSchema
{
    public const string Query = """
        { __schema { queryType { name } types { name kind
            fields { name args { name type { ...T } } type { ...T } }
            inputFields { name type { ...T } }
            enumValues { name } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    private readonly Dictionary<string, JsonObject> _types = new(StringComparer.Ordinal);

    public IntrospectedSchema(JsonObject data)
    {
        var schema = data["__schema"]!;
        QueryType = schema["queryType"]!["name"]!.GetValue<string>();
        foreach (var t in schema["types"]!.AsArray())
        {
            _types[t!["name"]!.GetValue<string>()] = t.AsObject();
        }
    }

    public string QueryType { get; }

    public string Kind(string type) => _types[type]["kind"]!.GetValue<string>();

    public IEnumerable<Member> Fields(string type) => Members(type, "fields");

    public IEnumerable<Member> InputFields(string type) => Members(type, "inputFields");

    public IReadOnlyList<string> EnumValues(string type) =>
        [.. _types[type]["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>())];

    public bool IsLeaf(string type) => Kind(type) is "SCALAR" or "ENUM";

    private IEnumerable<Member> Members(string type, string property) =>
        (_types[type][property] as JsonArray ?? []).Select(f => new Member(
            f!["name"]!.GetValue<string>(),
            TypeRef.From(f["type"]!.AsObject()),
            (f["args"] as JsonArray ?? []).Select(a => new Member(a!["name"]!.GetValue<string>(), TypeRef.From(a["type"]!.AsObject()), [])).ToList()));

    /// <summary>A field, argument or input field: its name, type and (for fields) arguments.</summary>
    public sealed record Member(string Name, TypeRef Type, IReadOnlyList<Member> Args)
    {
        public Member? Arg(string name) => Args.FirstOrDefault(a => a.Name == name);
    }

    /// <summary>A type reference with its wrappers folded: the named type, whether it is a list, whether it is required.</summary>
    public sealed record TypeRef(string Name, bool IsList, bool IsRequired)
    {
        public static TypeRef From(JsonObject t)
        {
            var required = t["kind"]!.GetValue<string>() == "NON_NULL";
            var list = false;
            var current = t;
            while (current["name"] is null || current["name"]!.GetValueKind() == System.Text.Json.JsonValueKind.Null)
            {
                list |= current["kind"]!.GetValue<string>() == "LIST";
                current = current["ofType"]!.AsObject();
            }
            return new TypeRef(current["name"]!.GetValue<string>(), list, required);
        }
    }
}
