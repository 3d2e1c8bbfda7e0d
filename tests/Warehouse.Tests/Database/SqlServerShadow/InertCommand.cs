using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>
/// The command EF Core's SQL Server provider gets instead of a SqlCommand: it records its text and parameters and
/// "executes" without a server (no rows, no rows affected). Parameters are real SqlParameters, so the provider's
/// type mappings configure them exactly as they would for SqlClient.
/// </summary>
internal sealed class InertCommand(ShadowSqlServer sink) : DbCommand
{
    private readonly InertParameters _parameters = new();

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText { get; set; } = "";
    public override int CommandTimeout { get; set; }
    public override CommandType CommandType { get; set; }
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }
    protected override DbConnection? DbConnection { get; set; }
    protected override DbParameterCollection DbParameterCollection => _parameters;
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override int ExecuteNonQuery()
    {
        sink.Record(this);
        return 0;
    }

    public override object? ExecuteScalar()
    {
        sink.Record(this);
        return null;
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqlParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        sink.Record(this);
        return new DataTable().CreateDataReader();
    }

    /// <summary>A plain list of parameters (SqlParameterCollection cannot be created outside SqlCommand).</summary>
    private sealed class InertParameters : DbParameterCollection
    {
        private readonly List<DbParameter> _items = [];

        public override int Count => _items.Count;
        public override object SyncRoot => _items;
        public override int Add(object value)
        {
            _items.Add((DbParameter)value);
            return _items.Count - 1;
        }
        public override void AddRange(Array values)
        {
            foreach (var v in values)
            {
                Add(v);
            }
        }
        public override void Clear() => _items.Clear();
        public override bool Contains(object value) => _items.Contains((DbParameter)value);
        public override bool Contains(string value) => IndexOf(value) >= 0;
        public override void CopyTo(Array array, int index) => ((System.Collections.ICollection)_items).CopyTo(array, index);
        public override System.Collections.IEnumerator GetEnumerator() => _items.GetEnumerator();
        public override int IndexOf(object value) => _items.IndexOf((DbParameter)value);
        public override int IndexOf(string parameterName) => _items.FindIndex(p => p.ParameterName == parameterName);
        public override void Insert(int index, object value) => _items.Insert(index, (DbParameter)value);
        public override void Remove(object value) => _items.Remove((DbParameter)value);
        public override void RemoveAt(int index) => _items.RemoveAt(index);
        public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOf(parameterName));
        protected override DbParameter GetParameter(int index) => _items[index];
        protected override DbParameter GetParameter(string parameterName) => _items[IndexOf(parameterName)];
        protected override void SetParameter(int index, DbParameter value) => _items[index] = value;
        protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOf(parameterName)] = value;
    }
}
