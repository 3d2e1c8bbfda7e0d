using System.Data;
using Microsoft.Data.SqlClient;

namespace Warehouse.Generation;

/// <summary>
/// Loads generated rows into SQL Server with <see cref="SqlBulkCopy"/>: rows are buffered in a <see cref="DataTable"/>
/// and flushed every <c>batchSize</c> rows, all inside one transaction committed by <see cref="Complete"/>.
/// Tables are <c>[schema].[table]</c> with the same column names as SQLite; computed columns are never written.
/// </summary>
internal sealed class SqlServerBulkSink : IBulkSink, IDisposable
{
    private readonly SqlConnection _connection;
    private readonly string _schema;
    private readonly int _batchSize;
    private SqlTransaction? _transaction;
    private SqlBulkCopy? _bulk;
    private DataTable? _buffer;
    private bool[] _isDate = [];
    private bool[] _isFlag = [];
    private bool[] _isTimestamp = [];
    private bool _completed;

    /// <param name="connection">An open connection; the caller keeps ownership.</param>
    /// <param name="schema">Schema of the base tables.</param>
    /// <param name="batchSize">Rows per bulk-copy batch.</param>
    public SqlServerBulkSink(SqlConnection connection, string schema = "wh", int batchSize = 10_000)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        SinkNames.Check(schema, ["x"]);
        _connection = connection;
        _schema = schema;
        _batchSize = batchSize;
    }

    public void Begin(string table, IReadOnlyList<string> columns)
    {
        SinkNames.CheckBegin(_completed, _bulk is not null, table, columns);
        _transaction ??= _connection.BeginTransaction();
        _buffer = new DataTable(table) { Locale = Fmt.Inv };
        _isDate = [.. columns.Select(c => Tables.DateColumns.Contains(c))];
        _isFlag = [.. columns.Select(c => Tables.FlagColumns.Contains(c))];
        _isTimestamp = [.. columns.Select(c => c == UpdatedAtSink.Column)];
        for (var i = 0; i < columns.Count; i++)
        {
            // Dates and timestamps go as DateTime (date, datetime2 columns), flags as bool (bit columns), the rest as the generated value.
            _buffer.Columns.Add(columns[i], _isDate[i] || _isTimestamp[i] ? typeof(DateTime) : _isFlag[i] ? typeof(bool) : typeof(object));
        }

        _bulk = new SqlBulkCopy(_connection, SqlBulkCopyOptions.KeepNulls | SqlBulkCopyOptions.TableLock, _transaction)
        {
            DestinationTableName = "[" + _schema + "].[" + table + "]",
            BatchSize = _batchSize,
            BulkCopyTimeout = 0,
        };
        foreach (var c in columns)
        {
            _bulk.ColumnMappings.Add(c, c);
        }
    }

    public void Add(object?[] row)
    {
        var buffer = _buffer ?? throw new InvalidOperationException("Begin was not called.");
        if (row.Length != _isDate.Length)
        {
            throw new ArgumentException("The row width does not match the table.", nameof(row));
        }

        var values = new object[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            values[i] = row[i] switch
            {
                null => DBNull.Value,
                string s when _isDate[i] => DateTime.ParseExact(s, "yyyy-MM-dd", Fmt.Inv, System.Globalization.DateTimeStyles.None),
                string s when _isTimestamp[i] => Data.Timestamps.FromSqliteText(s),
                int f when _isFlag[i] => f != 0,
                var v => v,
            };
        }

        buffer.Rows.Add(values);
        if (buffer.Rows.Count >= _batchSize)
        {
            Flush();
        }
    }

    public void End()
    {
        if (_bulk is null)
        {
            return;
        }

        Flush();
        ((IDisposable)_bulk).Dispose();
        _bulk = null;
        _buffer?.Dispose();
        _buffer = null;
    }

    public void Complete()
    {
        End();
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _completed = true;
    }

    public void Dispose()
    {
        if (_bulk is not null)
        {
            ((IDisposable)_bulk).Dispose();
            _bulk = null;
        }

        _buffer?.Dispose();
        _buffer = null;
        if (_transaction is not null)
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private void Flush()
    {
        if (_bulk is null || _buffer is null || _buffer.Rows.Count == 0)
        {
            return;
        }

        _bulk.WriteToServer(_buffer);
        _buffer.Clear();
    }
}
