using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warehouse.Import.Mapping;

/// <summary>
/// A mapping file (JSON) for a layout other than the template's: which sheet or file holds which entity, which
/// header is which column, value maps for vocabularies, money units and date formats. See docs/import.md.
/// </summary>
public sealed class MappingFile
{
    /// <summary>Entity name (households, members, ...) → its rules.</summary>
    /// <remarks>Internal with <see cref="JsonIncludeAttribute"/>: the mapping's rules are the import's own, no other assembly reads them.</remarks>
    [JsonPropertyName("entities")]
    [JsonInclude]
    internal Dictionary<string, EntityMapping> Entities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static MappingFile Load(string path)
    {
        try
        {
            var mapping = JsonSerializer.Deserialize<MappingFile>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: empty mapping file.");
            mapping.Entities = new Dictionary<string, EntityMapping>(mapping.Entities, StringComparer.OrdinalIgnoreCase);
            return mapping;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a valid mapping file: {e.Message}", e);
        }
    }
}
