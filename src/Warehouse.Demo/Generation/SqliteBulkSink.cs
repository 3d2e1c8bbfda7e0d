using Microsoft.Data.Sqlite;

namespace Warehouse.Generation;

/// <summary>
/// Loads generated rows into SQLite: one transaction for the whole load and one prepared, parameterised INSERT per table
/// reused for every row. <c>PRAGMA synchronous</c> is OFF during the load and restored by <see cref="Complete"/>.
/// </summary>
internal sealed class SqliteBulkSink : IBulkSink, IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private SqliteCommand? _insert;
    private SqliteParameter[] _parameters = [];
    private long? _synchronous;
    private long? _cacheSize;
    private long? _tempStore;
    private bool _completed;

    /// <param name="connection">An open connection; the caller keeps ownership.</param>
    public SqliteBulkSink(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new ArgumentException("The connection must be open.", nameof(connection));
        }

        _connection = connection;
    }

    public void Begin(string table, IReadOnlyList<string> columns)
    {
        SinkNames.CheckBegin(_completed, _insert is not null, table, columns);
        if (_transaction is null)
        {
            _synchronous = Pragma("synchronous");
            _cacheSize = Pragma("cache_size");
            _tempStore = Pragma("temp_store");

            Execute("PRAGMA synchronous = OFF");
            Execute("PRAGMA cache_size = -65536");
            // Every insert into a table with triggers (record keys, updated_at) opens a statement journal so the
            // statement can be undone alone; with the default temp_store that journal is a temporary file, and
            // writing it was most of the load's time (pwrite in the profile). In memory it costs a page copy.
            Execute("PRAGMA temp_store = MEMORY");
            _transaction = _connection.BeginTransaction();
        }

        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        var names = string.Join(", ", columns.Select(c => "\"" + c + "\""));
        var values = string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(Fmt.Inv)));
        cmd.CommandText = "INSERT INTO \"" + table + "\" (" + names + ") VALUES (" + values + ")";
        _parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _parameters[i] = cmd.CreateParameter();
            _parameters[i].ParameterName = "$p" + i.ToString(Fmt.Inv);
            _parameters[i].Value = DBNull.Value;
            cmd.Parameters.Add(_parameters[i]);
        }

        cmd.Prepare();
        _insert = cmd;
    }

    public void Add(object?[] row)
    {
        var cmd = _insert ?? throw new InvalidOperationException("Begin was not called.");
        if (row.Length != _parameters.Length)
        {
            throw new ArgumentException("The row has " + row.Length.ToString(Fmt.Inv) + " values, the table " + _parameters.Length.ToString(Fmt.Inv)
                + " columns.", nameof(row));
        }

        for (var i = 0; i < row.Length; i++)
        {
            _parameters[i].Value = row[i] ?? DBNull.Value;
        }

        cmd.ExecuteNonQuery();
    }

    public void End()
    {
        _insert?.Dispose();
        _insert = null;
        _parameters = [];
    }

    public void Complete()
    {
        End();
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _completed = true;
        Execute("PRAGMA synchronous = " + (_synchronous ?? 2).ToString(Fmt.Inv));
        Execute("PRAGMA cache_size = " + (_cacheSize ?? -2000).ToString(Fmt.Inv));
        Execute("PRAGMA temp_store = " + (_tempStore ?? 0).ToString(Fmt.Inv));
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _insert = null;
        if (_transaction is not null)
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private long? Pragma(string name)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "PRAGMA " + name;
        return cmd.ExecuteScalar() is long v ? v : null;
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
