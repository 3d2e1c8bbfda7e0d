using GraphQL;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// Prints the SDL each role sees under the catalogue's default permissions. schema/warehouse.graphql is the
/// county's (the widest) and schema/roles/ holds the others, so every schema or permission-default change
/// shows up as a reviewed diff.
/// </summary>
public static class SdlPrinter
{
    public static readonly IReadOnlyList<(string File, string? DataRole, bool IsAdmin)> Files =
    [
        ("warehouse.graphql", Roles.County, false),
        ("roles/township.graphql", Roles.Township, false),
        ("roles/village.graphql", Roles.Village, false),
        ("roles/admin.graphql", null, true),
    ];

    public static string Print(string? dataRole, bool isAdmin, IEnumerable<ISchemaContributor> contributors)
    {
        var permissions = PermissionSnapshot.FromCatalogue(WarehouseCatalogue.Default);
        var schema = new RoleSchemaBuilder(WarehouseCatalogue.Default, permissions, dataRole, isAdmin, contributors).Build();
        return schema.Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n")
            .TrimEnd() + "\n";
    }

    /// <summary>Writes every role's SDL under <paramref name="schemaFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(string schemaFolder, IEnumerable<ISchemaContributor> contributors)
    {
        var list = contributors.ToList();
        var written = new List<string>();
        foreach (var (file, role, admin) in Files)
        {
            var path = Path.Combine(schemaFolder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Print(role, admin, list));
            written.Add(path);
        }
        return written;
    }
}
