namespace Warehouse.Import.Specs;

/// <summary>
/// One column of an import layout: the base-table column it fills, how its text is checked, and the header a
/// template shows (the catalogue's Chinese label, so templates, exports and docs use the same words).
/// </summary>
public sealed record ColumnSpec
{
    /// <summary>Made by the import's spec builder only: how a column is checked (<see cref="ColumnKind"/>) is the import's own.</summary>
    internal ColumnSpec(string column, ColumnKind kind)
    {
        Column = column;
        Kind = kind;
        Header = column;
    }

    public string Column { get; }

    internal ColumnKind Kind { get; }

    /// <summary>Chinese header (the catalogue label of the field stored in <see cref="Column"/>).</summary>
    public string Header { get; init; }
    /// <summary>The catalogue's GraphQL field name (a mapping file may name a column by it).</summary>
    public string? FieldName { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string>? Vocabulary { get; init; }
    /// <summary>Region levels a <see cref="ColumnKind.RegionCode"/> may name (COUNTY, TOWNSHIP, VILLAGE).</summary>
    public IReadOnlyList<string>? RegionLevels { get; init; }
    /// <summary>For <see cref="ColumnKind.Reference"/>: how the referenced row is found and what it fills in.</summary>
    internal ReferenceSpec? Reference { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    /// <summary>Longest text the column holds on every dialect (the varchar size of the PostgreSQL and SQL Server scripts).</summary>
    public int MaxLength { get; init; } = 200;
    /// <summary>Unique within one file (besides the key), e.g. ID numbers.</summary>
    public bool Unique { get; init; }
    /// <summary>What a template's example row shows.</summary>
    public string Example { get; init; } = "";
    /// <summary>Value stored when the cell is empty (null: store NULL, or reject when required).</summary>
    public object? Default { get; init; }
}
