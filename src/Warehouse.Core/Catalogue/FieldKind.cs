namespace Warehouse.Catalogue;

/// <summary>How a field's value is stored and shown. Drives the GraphQL type, the filter operators and the CSV format.</summary>
public enum FieldKind
{
    /// <summary>Text (Chinese values of closed vocabularies are text, listed in the description).</summary>
    String,
    /// <summary>Whole number.</summary>
    Int,
    /// <summary>Money: stored as integer fen, shown as a decimal amount in 元 (two places).</summary>
    Money,
    /// <summary>Calendar date (yyyy-MM-dd).</summary>
    Date,
    /// <summary>Yes/no.</summary>
    Boolean,
    /// <summary>A comma-separated list of vocabulary values, exposed as [String!].</summary>
    StringList,
    /// <summary>Region level enum (COUNTY, TOWNSHIP, VILLAGE).</summary>
    RegionLevel,
    /// <summary>
    /// A point in time in UTC, to the millisecond (<see cref="DateTime"/> of kind UTC): the GraphQL <c>DateTime</c>
    /// scalar, ISO 8601 with <c>Z</c> in feeds (<c>2025-12-30T08:15:02.123Z</c>). Used for <c>updatedAt</c>.
    /// </summary>
    Timestamp,
}
