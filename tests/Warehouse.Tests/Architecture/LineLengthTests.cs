using System.Globalization;
using Warehouse.Tests.Database;
using Xunit;

namespace Warehouse.Tests.Architecture;

/// <summary>
/// Lines stay within 160 characters in every C# file of src/ and tests/ (obj/ and bin/ excluded). .NET has no
/// analyzer for line length, so this test is the rule; it lists every offender as path:line (length).
/// Wrap at a comma or an operator; split a long string literal with + or use a raw string.
/// </summary>
public class LineLengthTests
{
    /// <summary>The longest line allowed, in characters (UTF-16 code units, as editors count them).</summary>
    public const int MaxLength = 160;

    [Fact]
    public void Cs_lines_are_within_160_characters()
    {
        var offenders = new List<string>();
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file))
            .ToList();
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Length > MaxLength)
                {
                    var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
                    offenders.Add(string.Create(CultureInfo.InvariantCulture, $"{relative}:{number} ({line.Length})"));
                }
            }
        }

        Assert.True(files.Count > 100, $"expected the C# files of src/ and tests/, found {files.Count}");
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} line(s) longer than {MaxLength} characters:{Environment.NewLine}" + string.Join(Environment.NewLine, offenders));
    }

    private static bool IsBuildOutput(string file)
    {
        var parts = Path.GetRelativePath(RepoPaths.Root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "obj" or "bin" or "node_modules");
    }
}
