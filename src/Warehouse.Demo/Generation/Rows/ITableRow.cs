namespace Warehouse.Generation.Rows;

/// <summary>
/// A generated row with its columns named, instead of a positional array: the generator fills a record per table and
/// the sinks still receive the positional values (<see cref="IBulkSink.Add"/>), so every bulk loader keeps working.
/// </summary>
internal interface ITableRow
{
    /// <summary>The base table the row belongs to (one of <see cref="Tables.All"/>).</summary>
    static abstract string Table { get; }

    /// <summary>The table's columns, in the order of <see cref="Values"/>.</summary>
    static abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The column values in <see cref="Columns"/>' order, as the sinks take them.</summary>
    object?[] Values();
}
