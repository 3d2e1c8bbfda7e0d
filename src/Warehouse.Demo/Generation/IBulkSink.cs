namespace Warehouse.Generation;

/// <summary>
/// Receives generated rows table by table: <c>Begin</c>, any number of <c>Add</c>, <c>End</c>, then the next table;
/// <c>Complete</c> once at the very end commits everything. A row array is handed over per call and is not reused by
/// the generator, but a sink should copy what it keeps.
/// Values are <see cref="string"/>, <see cref="int"/>, <see cref="long"/> or null; booleans are 0/1 ints,
/// dates are 'yyyy-MM-dd' strings, money is long fen.
/// </summary>
internal interface IBulkSink
{
    void Begin(string table, IReadOnlyList<string> columns);

    void Add(object?[] row);

    void End();

    /// <summary>Commits all the rows written.</summary>
    void Complete();
}
