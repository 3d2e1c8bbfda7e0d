using Npgsql;
using NpgsqlTypes;

namespace Warehouse.Generation;

/// <summary>
/// Loads generated rows into PostgreSQL with binary <c>COPY … FROM STDIN</c> (the fastest load path PostgreSQL has:
/// no SQL per row, no text parsing), one COPY per table, all inside one transaction committed by
/// <see cref="Complete"/>. Binary COPY needs every value in exactly its column's type, so the column types are read
/// from the catalogue at <see cref="Begin"/> and each generated value (string, int, long, 0/1 flag, 'yyyy-MM-dd'
/// date) is converted to that type. Computed columns are never written; record keys come from the column default.
/// </summary>
internal sealed class PostgreSqlBulkSink : IBulkSink, IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private NpgsqlTransaction? _transaction;
    private NpgsqlBinaryImporter? _importer;
    private NpgsqlDbType[] _types = [];
    private bool _completed;

    /// <param name="connection">An open connection; the caller keeps ownership.</param>
    /// <param name="schema">Schema of the base tables.</param>
    public PostgreSqlBulkSink(NpgsqlConnection connection, string schema = "wh")
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new ArgumentException("The connection must be open.", nameof(connection));
        }

        SinkNames.Check(schema, ["x"]);
        _connection = connection;
        _schema = schema;
    }

    public void Begin(string table, IReadOnlyList<string> columns)
    {
        SinkNames.CheckBegin(_completed, _importer is not null, table, columns);
        _transaction ??= _connection.BeginTransaction();
        _types = ColumnTypes(table, columns);
        var names = string.Join(", ", columns.Select(c => "\"" + c + "\""));
        _importer = _connection.BeginBinaryImport("COPY \"" + _schema + "\".\"" + table + "\" (" + names + ") FROM STDIN (FORMAT BINARY)");
    }

    public void Add(object?[] row)
    {
        var importer = _importer ?? throw new InvalidOperationException("Begin was not called.");
        if (row.Length != _types.Length)
        {
            throw new ArgumentException("The row has " + row.Length.ToString(Fmt.Inv) + " values, the table " + _types.Length.ToString(Fmt.Inv) + " columns.",
                nameof(row));
        }

        importer.StartRow();
        for (var i = 0; i < row.Length; i++)
        {
            var type = _types[i];
            switch (row[i])
            {
                case null:
                    importer.WriteNull();
                    break;
                case string s when type == NpgsqlDbType.TimestampTz:
                    importer.Write(Data.Timestamps.FromSqliteText(s), type); // updated_at, generated as SQLite's text (UpdatedAtSink)
                    break;
                case string s when type == NpgsqlDbType.Date:
                    importer.Write(DateOnly.ParseExact(s, "yyyy-MM-dd", Fmt.Inv), type);
                    break;
                case var v when type == NpgsqlDbType.Boolean:
                    importer.Write(Convert.ToInt64(v, Fmt.Inv) != 0, type);
                    break;
                case var v when type == NpgsqlDbType.Integer:
                    importer.Write(Convert.ToInt32(v, Fmt.Inv), type);
                    break;
                case var v when type == NpgsqlDbType.Bigint:
                    importer.Write(Convert.ToInt64(v, Fmt.Inv), type);
                    break;
                case var v:
                    importer.Write(Convert.ToString(v, Fmt.Inv)!, type);
                    break;
            }
        }
    }

    public void End()
    {
        if (_importer is null)
        {
            return;
        }

        _importer.Complete();
        _importer.Dispose();
        _importer = null;
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
        // An importer disposed without Complete cancels its COPY; the rollback then discards every table written.
        _importer?.Dispose();
        _importer = null;
        if (_transaction is not null)
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private NpgsqlDbType[] ColumnTypes(string table, IReadOnlyList<string> columns)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = _transaction;
            cmd.CommandText = "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @s AND table_name = @t";
            cmd.Parameters.AddWithValue("s", _schema);
            cmd.Parameters.AddWithValue("t", table);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return [.. columns.Select(c => types.TryGetValue(c, out var type)
            ? type switch
            {
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "date" => NpgsqlDbType.Date,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                "character varying" => NpgsqlDbType.Varchar,
                "text" => NpgsqlDbType.Text,
                _ => throw new InvalidOperationException($"Column {_schema}.{table}.{c} has type {type}, which the generator does not write."),
            }
            : throw new InvalidOperationException($"Table {_schema}.{table} has no column {c}."))];
    }
}
