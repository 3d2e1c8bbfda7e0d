namespace Warehouse.Import.Specs;

/// <summary>How a cell's text is parsed and checked before it is written to a base-table column.</summary>
internal enum ColumnKind
{
    /// <summary>Free text, trimmed; checked for length only.</summary>
    Text,
    /// <summary>Whole number within the column's range.</summary>
    Int,
    /// <summary>Money in 元 (up to 2 decimals, "1.2万", "1,234.50元"), stored as integer fen.</summary>
    Money,
    /// <summary>Calendar date in the usual Chinese forms, stored yyyy-MM-dd.</summary>
    Date,
    /// <summary>A month ("2023-04", "2023年4月" or a full date), stored as its first day.</summary>
    Month,
    /// <summary>Yes/no (是/否, Y/N, 1/0, true/false, √/×).</summary>
    Flag,
    /// <summary>One value of a closed vocabulary.</summary>
    Vocabulary,
    /// <summary>Several values of a closed vocabulary, separated by 、，,;； and stored comma-separated.</summary>
    VocabularyList,
    /// <summary>18-character citizen ID number with a GB 11643 check character.</summary>
    IdNumber,
    /// <summary>12-digit region code that exists in the warehouse at one of the allowed levels.</summary>
    RegionCode,
    /// <summary>The key of a row of another entity, in the same load or already in the warehouse.</summary>
    Reference,
}
