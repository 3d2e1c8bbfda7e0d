using System.Text.RegularExpressions;
using Warehouse.Catalogue;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>
/// The catalogue's idea of which text columns are ASCII (varchar, sent as varchar parameters so SQL Server can
/// seek) must match the T-SQL scripts, or queries on SQL Server would silently scan.
/// </summary>
public sealed partial class CatalogueColumnTypeTests
{
    [Fact]
    public void Varchar_columns_are_exactly_the_non_unicode_catalogue_fields()
    {
        var script = string.Join('\n', Directory.GetFiles(RepoPaths.Db("sqlserver"), "*.sql").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var types = ColumnType().Matches(script).GroupBy(m => m.Groups["name"].Value).ToDictionary(g => g.Key, g =>
            g.Select(m => m.Groups["type"].Value.ToLowerInvariant()).Distinct().ToList());
        var mismatches = new List<string>();
        foreach (var field in WarehouseCatalogue.Default.Entities.SelectMany(e => e.Fields)
            .Where(f => f.Property.PropertyType == typeof(string) && f.Column != "link_id"))
        {
            Assert.True(types.TryGetValue(field.Column, out var found), $"{field.QualifiedName}: column {field.Column} not found in the T-SQL base tables");
            var expected = field.IsUnicodeText ? "nvarchar" : "varchar";
            if (found!.Count != 1 || found[0] != expected)
            {
                mismatches.Add($"{field.QualifiedName} ({field.Column}): catalogue says {expected}, script has {string.Join("/", found)}");
            }
        }
        Assert.Empty(mismatches);
    }

    [GeneratedRegex(@"^\s+(?<name>[a-z_]+)\s+(?<type>n?varchar|char|nchar)\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ColumnType();
}
