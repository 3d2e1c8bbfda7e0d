using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Warehouse.Tests.Database;
using Xunit;

namespace Warehouse.Tests.Schema;

/// <summary>
/// Every document in schema/examples (dashboards included) declares the data roles it is for and is valid
/// against each of those roles' committed SDL, and operation names are unique across the folder, so GraphQL Code
/// Generator (which needs both) can run over the whole folder per role (issue 13, observation 5).
/// </summary>
public sealed partial class ExampleDocumentTests
{
    private static readonly Dictionary<string, string> SdlFiles = new(StringComparer.Ordinal)
    {
        ["county"] = "warehouse.graphql",
        ["township"] = "roles/township.graphql",
        ["village"] = "roles/village.graphql",
    };

    public static TheoryData<string> Examples => new(Files());

    private static IEnumerable<string> Files() => Directory
        .EnumerateFiles(Path.Combine(RepoPaths.Root, "schema", "examples"), "*.graphql", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(Path.Combine(RepoPaths.Root, "schema", "examples"), p).Replace('\\', '/'))
        .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_is_valid_for_every_role_it_declares(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "examples", file));
        var roles = DeclaredRoles(text);
        Assert.True(roles.Count > 0, $"{file} declares no role: add a line '# Runs as: county, township' (or '# Role: village.').");
        foreach (var role in roles)
        {
            var errors = await ValidateAsync(role, text);
            Assert.True(errors.Count == 0, $"{file} is invalid for {role}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void Operation_names_are_unique_across_the_examples()
    {
        var names = Files()
            .SelectMany(file => GraphQLParser.Parser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "examples", file)))
                .Definitions.OfType<GraphQLOperationDefinition>().Select(o => (File: file, Name: o.Name?.StringValue)))
            .ToList();
        Assert.All(names, n => Assert.False(string.IsNullOrEmpty(n.Name), $"{n.File} has an anonymous operation"));
        var duplicates = names.GroupBy(n => n.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.File))}").ToList();
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates));
    }

    [Fact]
    public async Task A_document_with_a_field_the_role_lacks_is_caught()
    {
        // The check itself can fail: name(reveal:) exists for the county only (township and village read name in full).
        var document = "query Q { member(id: \"M1\") { name(reveal: \"because of a bill\") } }";
        Assert.Empty(await ValidateAsync("county", document));
        Assert.NotEmpty(await ValidateAsync("village", document));
    }

    /// <summary>'# Runs as: county, township' (explicit), else the first word of '# Role: village. …' (the dashboards' header).</summary>
    internal static List<string> DeclaredRoles(string text)
    {
        if (RunsAs().Match(text) is { Success: true } m)
        {
            return [.. m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }
        return RoleLine().Match(text) is { Success: true } r ? [r.Groups[1].Value] : [];
    }

    private static readonly Dictionary<string, ISchema> Schemas = [];

    private static async Task<List<string>> ValidateAsync(string role, string document)
    {
        ISchema schema;
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(role, out schema!))
            {
                var sdl = File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", SdlFiles[role]));
                schema = GraphQL.Types.Schema.For(sdl);
                schema.Initialize();
                Schemas[role] = schema;
            }
        }
        var parsed = GraphQLParser.Parser.Parse(document);
        var errors = new List<string>();
        foreach (var operation in parsed.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = parsed,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                Variables = Inputs.Empty,
                Extensions = Inputs.Empty,
                RequestServices = null!,
            });
            // Variable values are the caller's (codegen never sees them): only the document is checked here.
            errors.AddRange(result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message));
        }
        return errors;
    }

    [GeneratedRegex(@"^#\s*Runs as:\s*([a-z, ]+)$", RegexOptions.Multiline)]
    private static partial Regex RunsAs();

    [GeneratedRegex(@"^#\s*Role:\s*(county|township|village)\b", RegexOptions.Multiline)]
    private static partial Regex RoleLine();
}
