namespace Warehouse.Exports;

/// <summary>
/// Writes rows of one format into a page buffer; the caller sends the buffer (asynchronously) after each flush.
/// The writers themselves only write to memory: every write to the connection is the streamer's, and async.
/// </summary>
internal interface IExportRowWriter : IDisposable
{
    /// <summary>The header line (CSV); nothing for JSON Lines and Parquet, whose keys/schema name the fields.</summary>
    void WriteHeader(bool labels);

    /// <param name="values">One shaped value per column.</param>
    /// <param name="missing">One flag per reference of the plan: true when the row has no related row in scope.</param>
    void WriteRow(ReadOnlySpan<object?> values, ReadOnlySpan<bool> missing);

    /// <summary>
    /// True when the writer holds a finished unit that <see cref="FlushAsync"/> will encode (a full Parquet row
    /// group): the streamer flushes before writing the next row. Text formats flush by buffered bytes instead.
    /// </summary>
    bool FlushDue => false;

    /// <summary>Pushes what is ready into the sink stream (text: everything written; Parquet: a full row group).</summary>
    Task FlushAsync(CancellationToken ct);

    /// <summary>End of data: pushes the rest and any trailer (the Parquet footer).</summary>
    Task CompleteAsync(CancellationToken ct) => FlushAsync(ct);
}
