using Warehouse.Graph;
using Warehouse.Tests.Database;
using Xunit;

namespace Warehouse.Tests.Schema;

/// <summary>
/// schema/*.graphql must equal the schema the server builds, per role, so every schema change (and every change of
/// permission defaults) is a reviewed diff. Regenerate with: dotnet run --project src/Warehouse.Cli -- schema
/// </summary>
public sealed class SchemaSdlTests
{
    public static TheoryData<string> Files => new(SdlPrinter.Files.Select(f => f.File));

    [Theory]
    [MemberData(nameof(Files))]
    public void Committed_sdl_matches_the_running_schema(string file)
    {
        var (_, role, admin) = SdlPrinter.Files.Single(f => f.File == file);
        var path = Path.Combine(RepoPaths.Root, "schema", file);
        Assert.True(File.Exists(path), $"{path} is missing; run: dotnet run --project src/Warehouse.Cli -- schema");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        var current = SdlPrinter.Print(role, admin, SchemaContributors.All);
        Assert.True(committed == current, $"schema/{file} is out of date; run: dotnet run --project src/Warehouse.Cli -- schema, and review the diff.");
    }

    [Fact]
    public void Hidden_fields_are_absent_from_the_role_schema()
    {
        var village = SdlPrinter.Print("village", false, SchemaContributors.All);
        var county = SdlPrinter.Print("county", false, SchemaContributors.All);
        Assert.DoesNotContain("diseaseName", village, StringComparison.Ordinal);
        Assert.DoesNotContain("bankAccount", village, StringComparison.Ordinal);
        Assert.Contains("bankAccount", county, StringComparison.Ordinal);
        // ethnicity is aggregate-only for the county: absent per row (type, filter, sort), present only in the aggregate types.
        Assert.All(county.Split("\n}", StringSplitOptions.None).Where(b => b.Contains("ethnicity", StringComparison.Ordinal)),
            b => Assert.Matches(@"\b(type|enum|input) Member(Aggregate\w*|GroupField) ", b));
        Assert.Contains("ethnicity", village, StringComparison.Ordinal);
    }
}
