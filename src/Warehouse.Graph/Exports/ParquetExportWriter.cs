using Parquet;
using Parquet.Schema;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Apache Parquet: typed columns (money DECIMAL(18,2), dates DATE, whole numbers INT32, booleans, codes and masked
/// values as UTF-8 strings, vocabulary lists as LIST of strings), one row group per <c>rowGroupRows</c> rows.
/// <para>
/// Rows are collected into the group being filled. When it is full, it is encoded on a thread-pool thread while the
/// request goes on reading and shaping the next group into a second set of buffers: encoding (Snappy, dictionaries,
/// statistics) costs about as much CPU as reading, so doing the two one after the other made Parquet about 0.6x
/// the CSV rate on two cores. The encoded bytes are handed to the streamer's page buffer at the next flush after the
/// encoding ends, so memory is two row groups (plus one keyset page) whatever the row count. Groups are encoded one
/// at a time and in order: a new group waits for the previous one. The footer, which lists the row groups and
/// their offsets, is written at the end; Parquet needs no seeking for that, only a count of the bytes written
/// (<see cref="ForwardOnlySink"/>).
/// </para>
/// </summary>
internal sealed class ParquetExportWriter : IExportRowWriter
{
    /// <summary>Rows per row group unless configured (Warehouse:Exports:ParquetRowGroupRows).</summary>
    public const int DefaultRowGroupRows = 10_000;

    private readonly ParquetColumn[][] _sets;
    private readonly int _rowGroupRows;
    private readonly Stream _buffer;
    private readonly MemoryStream _encoded = new();
    private readonly ForwardOnlySink _sink;
    private ParquetWriter? _writer;
    private Task? _encoding;
    private int _filling;
    private int _rows;

    private ParquetExportWriter(ParquetColumn[] columns, int rowGroupRows, Stream buffer)
    {
        _sets = [columns, [.. columns.Select(c => c.Twin())]];
        _rowGroupRows = rowGroupRows;
        _buffer = buffer;
        // The Parquet writer writes only here; the request thread reads it only once the encoding has ended.
        _sink = new ForwardOnlySink(_encoded);
    }

    /// <summary>Row groups written so far (for tests and logs).</summary>
    public int RowGroups { get; private set; }

    public bool FlushDue => _rows >= _rowGroupRows;

    /// <summary>Starts the file (its leading magic bytes go into <paramref name="buffer"/>).</summary>
    public static async Task<ParquetExportWriter> CreateAsync(Stream buffer, ExportPlan plan, AccessContext access, int rowGroupRows, CancellationToken ct)
    {
        var columns = plan.Columns.Select(c => new ParquetColumn(c, ExportColumnType.Of(c, plan.Entity, access), rowGroupRows)).ToArray();
        var self = new ParquetExportWriter(columns, rowGroupRows, buffer);
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
        self._writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), self._sink, options, cancellationToken: ct);
        self._writer.CustomMetadata = new Dictionary<string, string> { ["warehouse.list"] = plan.Entity.ListField };
        self.TakeEncoded();
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
        var columns = _sets[_filling];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].Set(_rows, values[i]);
        }
        _rows++;
    }

    /// <summary>
    /// Hands over a group whose encoding has ended, and starts encoding the group being filled if it is full (after
    /// the previous one, which it then waits for). A partial group waits for more rows (or the end).
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_encoding is { IsCompleted: true } || (FlushDue && _encoding is not null))
        {
            await EndEncodingAsync();
        }
        if (FlushDue)
        {
            var (columns, rows) = (_sets[_filling], _rows);
            _encoding = Task.Run(() => EncodeAsync(columns, rows, ct), ct);
            RowGroups++;
            _filling = 1 - _filling;
            _rows = 0;
        }
    }

    /// <summary>The group being encoded, the last (partial) row group, then the footer.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await EndEncodingAsync();
        if (_rows > 0)
        {
            // An empty export has no row group: the footer still carries the schema, and readers see zero rows.
            await EncodeAsync(_sets[_filling], _rows, ct);
            RowGroups++;
            _rows = 0;
        }
        await _writer!.DisposeAsync();
        _writer = null;
        TakeEncoded();
    }

    private async Task EndEncodingAsync()
    {
        if (_encoding is null)
        {
            return;
        }
        var encoding = _encoding;
        _encoding = null;
        await encoding;
        TakeEncoded();
    }

    private async Task EncodeAsync(ParquetColumn[] columns, int rows, CancellationToken ct)
    {
        using var group = _writer!.CreateRowGroup();
        foreach (var column in columns)
        {
            await column.WriteAsync(group, rows, ct);
        }
        group.CompleteValidate();
    }

    /// <summary>Moves what the Parquet writer has written into the streamer's page buffer.</summary>
    private void TakeEncoded()
    {
        if (_encoded.Length > 0)
        {
            _buffer.Write(_encoded.GetBuffer().AsSpan(0, (int)_encoded.Length));
            _encoded.SetLength(0);
        }
    }

    public void Dispose()
    {
        // An export that failed never writes the footer: the client gets an aborted transfer, not a file. A group
        // still being encoded writes into buffers this disposal frees, so it is let finish (or fail) first; its
        // token is the request's, which is cancelled when the client has gone.
        if (_encoding is { } encoding)
        {
            _ = encoding.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Wait(TimeSpan.FromSeconds(30));
        }
        _encoding = null;
        _writer = null;
        _sink.Dispose();
        _encoded.Dispose();
    }
}
