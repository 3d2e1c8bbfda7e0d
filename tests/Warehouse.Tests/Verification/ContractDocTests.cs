using Warehouse.Catalogue;
using Warehouse.Tests.Database;
using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>
/// The contract table of docs/own-warehouse.md is the output of <c>verify --contract</c>, generated from the
/// catalogue: a field added to the catalogue fails this test until the page is regenerated (the message says how).
/// </summary>
public sealed class ContractDocTests
{
    private const string Begin = "<!-- contract:begin (generated: dotnet run --project src/Warehouse.Cli -- verify --contract) -->";
    private const string End = "<!-- contract:end -->";

    [Fact]
    public void The_contract_in_the_docs_is_the_catalogue_s()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "own-warehouse.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/own-warehouse.md has no {Begin} … {End} section");

        var documented = page[(start + Begin.Length)..end].Trim('\n');
        var generated = ContractTable.Markdown(WarehouseCatalogue.Default).Trim('\n');

        Assert.True(documented == generated,
            "docs/own-warehouse.md's contract is not the catalogue's: replace the text between the markers with the output of `dotnet run " +
                "--project src/Warehouse.Cli -- verify --contract`.");
    }

    [Fact]
    public void Every_view_and_column_of_the_catalogue_is_in_the_contract()
    {
        var table = ContractTable.Markdown(WarehouseCatalogue.Default);
        foreach (var entity in WarehouseCatalogue.Default.Entities)
        {
            Assert.Contains($"`api.{entity.View}`", table, StringComparison.Ordinal);
            var section = table[table.IndexOf($"`api.{entity.View}`", StringComparison.Ordinal)..];
            section = section.IndexOf("\n#### ", StringComparison.Ordinal) is var next and > 0 ? section[..next] : section;
            Assert.All(entity.Fields, f => Assert.Contains($"| `{f.Column}` |", section, StringComparison.Ordinal));
        }
    }
}
