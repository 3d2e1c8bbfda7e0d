using Parquet;
using Parquet.Schema;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Apache Parquet: typed columns (money DECIMAL(18,2), dates DATE, whole numbers INT32, booleans, codes and masked
/// values as UTF-8 strings, vocabulary lists as LIST of strings), one row group per <c>rowGroupRows</c> rows.
/// Rows are collected into the group being filled; when it is full it is encoded into the page buffer, which the
/// streamer sends at once, so memory is one row group (plus one keyset page) whatever the row count. The file's
/// footer, which lists the row groups and their offsets, is written at the end; Parquet needs no seeking for
/// that, only a count of the bytes written (<see cref="ForwardOnlySink"/>).
/// </summary>
internal sealed class ParquetExportWriter : IExportRowWriter
{
    /// <summary>Rows per row group unless configured (Warehouse:Exports:ParquetRowGroupRows).</summary>
    public const int DefaultRowGroupRows = 10_000;

    private readonly ParquetColumn[] _columns;
    private readonly int _rowGroupRows;
    private readonly ForwardOnlySink _sink;
    private ParquetWriter? _writer;
    private int _rows;

    private ParquetExportWriter(ParquetColumn[] columns, int rowGroupRows, ForwardOnlySink sink)
    {
        _columns = columns;
        _rowGroupRows = rowGroupRows;
        _sink = sink;
    }

    /// <summary>Row groups written so far (for tests and logs).</summary>
    public int RowGroups { get; private set; }

    public bool FlushDue => _rows >= _rowGroupRows;

    /// <summary>Starts the file (its leading magic bytes go into <paramref name="buffer"/>).</summary>
    public static async Task<ParquetExportWriter> CreateAsync(Stream buffer, ExportPlan plan, AccessContext access, int rowGroupRows, CancellationToken ct)
    {
        var columns = plan.Columns.Select(c => new ParquetColumn(c, ExportColumnType.Of(c, plan.Entity, access), rowGroupRows)).ToArray();
        var sink = new ForwardOnlySink(buffer);
        var self = new ParquetExportWriter(columns, rowGroupRows, sink);
        var options = new ParquetOptions
        {
            // Snappy, as Spark, DuckDB and pandas write by default: cheap to encode, every reader has it.
            CompressionMethod = CompressionMethod.Snappy,
            CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
            // Decide on dictionary encoding from the first values of a column chunk instead of all of them:
            // vocabulary columns (a handful of values) still get a dictionary, ids and names skip the full count.
            DictionaryEncodingSampleSize = 1000,
            // Parquet.Net pools its encoding buffers without a limit unless told: bound what an export leaves behind.
            MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
            MaximumLargePoolFreeBytes = 64 * 1024 * 1024,
        };
        self._writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), sink, options, cancellationToken: ct);
        self._writer.CustomMetadata = new Dictionary<string, string> { ["warehouse.list"] = plan.Entity.ListField };
        return self;
    }

    /// <summary>Parquet names its columns in the schema: no header row.</summary>
    public void WriteHeader(bool labels)
    {
    }

    public void WriteRow(ReadOnlySpan<object?> values, ReadOnlySpan<bool> missing)
    {
        if (_rows >= _rowGroupRows)
        {
            throw new InvalidOperationException("The row group is full: the streamer flushes before adding a row.");
        }
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Set(_rows, values[i]);
        }
        _rows++;
    }

    /// <summary>Encodes the row group if it is full; a partial group waits for more rows (or the end).</summary>
    public Task FlushAsync(CancellationToken ct) => FlushDue ? WriteGroupAsync(ct) : Task.CompletedTask;

    /// <summary>The last (partial) row group, then the footer.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_rows > 0)
        {
            // An empty export has no row group: the footer still carries the schema, and readers see zero rows.
            await WriteGroupAsync(ct);
        }
        await _writer!.DisposeAsync();
        _writer = null;
    }

    private async Task WriteGroupAsync(CancellationToken ct)
    {
        using var group = _writer!.CreateRowGroup();
        foreach (var column in _columns)
        {
            await column.WriteAsync(group, _rows, ct);
        }
        group.CompleteValidate();
        _rows = 0;
        RowGroups++;
    }

    public void Dispose()
    {
        // An export that failed never writes the footer: the client gets an aborted transfer, not a file.
        _writer = null;
        _sink.Dispose();
    }
}
