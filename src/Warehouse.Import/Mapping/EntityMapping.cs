using System.Text.Json.Serialization;

namespace Warehouse.Import.Mapping;

/// <summary>One entity's part of a mapping file.</summary>
internal sealed class EntityMapping
{
    /// <summary>Sheet names (or CSV file names without extension) that hold this entity.</summary>
    [JsonPropertyName("sheets")]
    public List<string> Sheets { get; set; } = [];

    /// <summary>Header in the file → column (base-table column, catalogue field name or template header).</summary>
    [JsonPropertyName("columns")]
    public Dictionary<string, string> Columns { get; set; } = [];

    /// <summary>Column → (value in the file → value of the vocabulary), e.g. 贫困户 → 脱贫户, Y → 是.</summary>
    [JsonPropertyName("values")]
    public Dictionary<string, Dictionary<string, string>> Values { get; set; } = [];

    /// <summary>Column → money unit of the file: 元 (default) or 万元.</summary>
    [JsonPropertyName("units")]
    public Dictionary<string, string> Units { get; set; } = [];

    /// <summary>Column → extra .NET date formats (e.g. "dd/MM/yyyy"), tried before the usual Chinese forms.</summary>
    [JsonPropertyName("dateFormats")]
    public Dictionary<string, List<string>> DateFormats { get; set; } = [];
}
