namespace Warehouse.Tooling;

/// <summary>
/// The checkout a tool runs from: the folder holding Warehouse.sln, looked for above the tool's own binaries and
/// above the working directory, so a tool started from any folder of the repository finds the same files.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The file that marks the repository root.</summary>
    public const string Marker = "Warehouse.sln";

    private static readonly Lazy<string?> Found = new(() => TryFind(AppContext.BaseDirectory, Directory.GetCurrentDirectory()));

    /// <summary>The root, or null when neither start lies inside a checkout (an installed tool).</summary>
    public static string? OrNull => Found.Value;

    /// <summary>The root; throws when there is no checkout around the tool.</summary>
    public static string Path => Found.Value
        ?? throw new DirectoryNotFoundException($"{Marker} not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");

    /// <summary>The first folder at or above one of <paramref name="starts"/> (in order) that holds the marker.</summary>
    public static string? TryFind(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, Marker)))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    /// <summary>The API as built in the checkout: the first configuration given that has a build.</summary>
    public static string ApiAssembly(params string[] configurations)
    {
        foreach (var configuration in configurations)
        {
            var dll = System.IO.Path.Combine(Path, "src", "Warehouse.Api", "bin", configuration, "net10.0", "Warehouse.Api.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }
        throw new FileNotFoundException(
            $"No built Warehouse.Api.dll under src/Warehouse.Api/bin ({string.Join(", ", configurations)}); build it first (dotnet build -c " +
                $"{configurations[0]} src/Warehouse.Api).");
    }
}
