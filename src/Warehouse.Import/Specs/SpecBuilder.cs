using Warehouse.Catalogue;

namespace Warehouse.Import.Specs;

/// <summary>
/// Builds an <see cref="EntitySpec"/> from a catalogue entity: every column's header is the label of the catalogue
/// field stored in it, so a renamed label renames the template header too. A column the catalogue does not know
/// is a programming error (the catalogue is the one list of what the warehouse holds).
/// </summary>
internal sealed class SpecBuilder(EntityDef entity, string table, bool hasRecordKey = false)
{
    /// <summary>Region references copy the region's county and township (a township's own code for a township).</summary>
    public static readonly IReadOnlyList<(string, string)> RegionCopies = [("county_code", "county_code"), ("township_of", "township_code")];

    private readonly List<ColumnSpec> _columns = [];
    private readonly List<string> _derived = [];

    public SpecBuilder Add(string column, ColumnKind kind, string example, bool required = false, IReadOnlyList<string>? vocabulary = null,
        long? min = null, long? max = null, int maxLength = 200, bool unique = false, object? @default = null)
    {
        var field = column == entity.Key.Column ? entity.Key : entity.Fields.FirstOrDefault(f => f.Column == column)
            ?? throw new InvalidOperationException($"{entity.TypeName} has no field stored in column {column}.");
        _columns.Add(new ColumnSpec(column, kind)
        {
            Header = field.Label, FieldName = field.Name, Required = required, Vocabulary = vocabulary, Min = min, Max = max,
            MaxLength = maxLength, Unique = unique, Example = example, Default = @default,
        });
        return this;
    }

    public SpecBuilder Key(string column, string example) => Add(column, ColumnKind.Text, example, required: true, maxLength: 32);

    /// <summary>A region code at one of <paramref name="levels"/>; fills county_code and township_code.</summary>
    public SpecBuilder Region(string column, string example, params string[] levels)
    {
        Add(column, ColumnKind.RegionCode, example, required: true, maxLength: 12);
        _columns[^1] = _columns[^1] with { RegionLevels = levels, Reference = new ReferenceSpec(ImportEntities.Regions, RegionCopies) };
        _derived.AddRange(["county_code", "township_code"]);
        return this;
    }

    /// <summary>A reference to another entity's key; <paramref name="copies"/> become derived columns of this one.</summary>
    public SpecBuilder Reference(string column, string target, string example, bool required, IReadOnlyList<(string From, string To)> copies,
        IReadOnlyList<(string From, string To)>? mustMatch = null)
    {
        Add(column, ColumnKind.Reference, example, required: required, maxLength: 32);
        _columns[^1] = _columns[^1] with { Reference = new ReferenceSpec(target, copies) { MustMatch = mustMatch ?? [] } };
        _derived.AddRange(copies.Select(c => c.To).Where(c => !_derived.Contains(c)));
        return this;
    }

    public EntitySpec Build() => new(entity.ListField, table, entity.Label, _columns, _derived, hasRecordKey);
}
