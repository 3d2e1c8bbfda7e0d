namespace Warehouse.Api.Exports;

/// <summary>Writes rows of one format into a page buffer; the caller sends the buffer and flushes per page.</summary>
internal interface IExportRowWriter : IDisposable
{
    /// <summary>The header line (CSV); nothing for JSON Lines, whose keys name the fields.</summary>
    void WriteHeader(bool labels);

    /// <param name="values">One shaped value per column.</param>
    /// <param name="missing">One flag per reference of the plan: true when the row has no related row in scope.</param>
    void WriteRow(ReadOnlySpan<object?> values, ReadOnlySpan<bool> missing);

    /// <summary>Pushes everything written so far into the sink stream.</summary>
    void Flush();
}
