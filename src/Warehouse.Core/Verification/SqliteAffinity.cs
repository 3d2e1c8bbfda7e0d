namespace Warehouse.Verification;

/// <summary>SQLite's column affinities; <see cref="None"/> is a column declared without a type (BLOB affinity, stores values as given).</summary>
internal enum SqliteAffinity
{
    Text,
    Numeric,
    Integer,
    Real,
    Blob,
    None,
}
