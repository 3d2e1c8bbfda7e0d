using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Warehouse.Tests.Database;
using Xunit;

namespace Warehouse.Tests.Architecture;

/// <summary>
/// A type is public only when another assembly of the solution uses it; everything else is internal (the tests see
/// internals through InternalsVisibleTo, so they do not count as a user). "Uses" is read from the compiled metadata:
/// every type a consuming assembly names (in a signature, a base type, an attribute, a member it calls, a local) is a
/// row of its TypeRef table whose resolution scope is the producing assembly. A public type of a library that no other
/// assembly's TypeRef table names is listed, so the rule holds without anyone having to remember it.
/// Two kinds of public type are used without leaving a TypeRef behind: classes of constants (the compiler copies a
/// constant's value into the user), recognised here by their shape, and the few types a library fills by reflection
/// from outside our code (<see cref="FilledByReflection"/>, each with its reason).
/// </summary>
public class PublicSurfaceTests
{
    /// <summary>The libraries whose public types must each have a user outside the library and the tests.</summary>
    private static readonly string[] LibraryNames = ["Warehouse.Core", "Warehouse.Graph", "Warehouse.Demo", "Warehouse.Import", "Warehouse.Tooling"];

    public static TheoryData<string> Libraries => new(LibraryNames);

    /// <summary>Public types no assembly names but a library must see as public; each with the reason.</summary>
    private static readonly Dictionary<string, string> FilledByReflection = new(StringComparer.Ordinal)
    {
        ["Warehouse.Limits.RoleLimits"] =
            "the value type of the public LimitsOptions.Roles, which the configuration binder fills (it binds public properties only)",
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Public_types_are_used_by_another_assembly(string library)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var consumer in Consumers().Where(c => c != library))
        {
            using var pe = Open(consumer);
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.TypeReferences)
            {
                if (ScopeOf(reader, handle) == library)
                {
                    used.Add(NameOf(reader, handle));
                }
            }
        }

        using var own = Open(library);
        var unused = PublicTypes(own.GetMetadataReader())
            .Where(t => !used.Contains(t) && !FilledByReflection.ContainsKey(t))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unused.Count == 0,
            library + ": public types no other assembly uses (make them internal):\n" + string.Join("\n", unused));
    }

    [Fact]
    public void Every_library_is_also_a_consumer_of_the_solution()
    {
        Assert.All(LibraryNames, l => Assert.Contains(l, Consumers()));
    }

    /// <summary>Every C# project of the solution but the tests: the product, the tools and the benchmarks.</summary>
    private static List<string> Consumers() =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "Warehouse.sln"))
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split('"')[3])
            .Where(name => name != typeof(PublicSurfaceTests).Assembly.GetName().Name)
            .ToList();

    /// <summary>The compiled assembly as the test run has it beside itself (every project is referenced, directly or not).</summary>
    private static PEReader Open(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        Assert.True(File.Exists(path), path + " is missing: is the project referenced by the tests?");
        return new PEReader(File.OpenRead(path));
    }

    /// <summary>
    /// Public types, nested ones included when every enclosing type is public too, as Namespace.Outer+Inner; classes
    /// of constants left out.
    /// </summary>
    private static IEnumerable<string> PublicTypes(MetadataReader reader)
    {
        foreach (var handle in reader.TypeDefinitions)
        {
            if (IsVisible(reader, handle) && !IsConstants(reader, handle))
            {
                yield return NameOf(reader, handle);
            }
        }
    }

    private static bool IsVisible(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        return visibility == TypeAttributes.Public
            || (visibility == TypeAttributes.NestedPublic && IsVisible(reader, type.GetDeclaringType()));
    }

    /// <summary>A static class holding nothing but constants (no method, every field a literal).</summary>
    private static bool IsConstants(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        const TypeAttributes Static = TypeAttributes.Abstract | TypeAttributes.Sealed;
        return (type.Attributes & Static) == Static
            && type.GetMethods().Count == 0
            && type.GetFields().Count > 0
            && type.GetFields().All(f => (reader.GetFieldDefinition(f).Attributes & FieldAttributes.Literal) != 0);
    }

    private static string NameOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Qualified(reader.GetString(type.Namespace), name) : NameOf(reader, declaring) + "+" + name;
    }

    private static string NameOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? NameOf(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
            : Qualified(reader.GetString(type.Namespace), name);
    }

    /// <summary>The assembly a type reference resolves to (a nested type's through its enclosing type); null for other scopes.</summary>
    private static string? ScopeOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => ScopeOf(reader, (TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            _ => null,
        };
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
