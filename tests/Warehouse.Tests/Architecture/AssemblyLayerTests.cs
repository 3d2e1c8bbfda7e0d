using System.Reflection;
using System.Xml.Linq;
using Warehouse.Tests.Database;
using Xunit;

namespace Warehouse.Tests.Architecture;

/// <summary>
/// The assemblies show the architecture and their dependencies point one way: Core (catalogue, querying, security,
/// aggregation) knows no web host and no tool; Graph (schema, pipeline, exports) knows Core; the host (Api) puts them
/// together with the demo generator; the tools (Cli, Load, Benchmarks) never reference the host. Checked twice: the
/// project files (what a build may use) and the compiled assemblies (what the code does use).
/// </summary>
public class AssemblyLayerTests
{
    /// <summary>Every project and the projects it may reference (directly). Anything else is a layering break.</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "src/Warehouse.Core", [] },
        { "src/Warehouse.Tooling", [] },
        { "src/Warehouse.Demo", ["Warehouse.Core"] },
        { "src/Warehouse.Graph", ["Warehouse.Core"] },
        { "src/Warehouse.Import", ["Warehouse.Core"] },
        { "src/Warehouse.Api", ["Warehouse.Graph", "Warehouse.Demo", "Warehouse.Import"] },
        { "src/Warehouse.Cli", ["Warehouse.Graph", "Warehouse.Demo", "Warehouse.Import", "Warehouse.Tooling"] },
        { "src/Warehouse.Load", ["Warehouse.Graph", "Warehouse.Tooling"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Project_references_point_one_way(string project, string[] allowed)
    {
        var name = Path.GetFileName(project);
        var file = Path.Combine(RepoPaths.Root, project, name + ".csproj");
        var references = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void Every_project_of_the_solution_is_placed_in_a_layer()
    {
        var listed = Allowed.Select(row => Path.GetFileName((string)row[0])).ToHashSet();
        var inSolution = File.ReadLines(Path.Combine(RepoPaths.Root, "Warehouse.sln"))
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal) && l.Contains("src", StringComparison.Ordinal)
                && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split('"')[3])
            .ToArray();
        Assert.NotEmpty(inSolution);
        Assert.All(inSolution, p => Assert.Contains(p, listed));
    }

    public static TheoryData<string, string[]> Forbidden => new()
    {
        // Core is the product's heart: no web host, no GraphQL engine, no generator, no tool.
        { "Warehouse.Core", ["Microsoft.AspNetCore", "GraphQL", "Warehouse.Graph", "Warehouse.Demo", "Warehouse.Api", "Warehouse.Tooling"] },
        { "Warehouse.Demo", ["Microsoft.AspNetCore", "GraphQL", "Warehouse.Graph", "Warehouse.Api", "Warehouse.Tooling"] },
        { "Warehouse.Import", ["Microsoft.AspNetCore", "GraphQL", "Warehouse.Graph", "Warehouse.Demo", "Warehouse.Api", "Warehouse.Tooling"] },
        { "Warehouse.Graph", ["Warehouse.Api", "Warehouse.Demo", "Warehouse.Tooling", "Microsoft.Identity.Web"] },
        { "Warehouse.Api", ["Warehouse.Tooling", "Warehouse.Benchmarks"] },
        { "Warehouse.Cli", ["Warehouse.Api"] },
        { "Warehouse.Load", ["Warehouse.Api", "Warehouse.Demo"] },
        { "Warehouse.Benchmarks", ["Warehouse.Api"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Compiled_assemblies_use_nothing_from_a_higher_layer(string assembly, string[] forbidden)
    {
        var referenced = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.NotEmpty(referenced);
        foreach (var prefix in forbidden)
        {
            Assert.DoesNotContain(referenced, r => r == prefix || r.StartsWith(prefix + ".", StringComparison.Ordinal));
        }
    }
}
