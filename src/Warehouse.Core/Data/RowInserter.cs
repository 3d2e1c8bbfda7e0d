using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Warehouse.Data;

/// <summary>
/// Appends rows of one mapped table with a plain multi-row <c>INSERT … VALUES (…), (…)</c> sent through EF Core's raw
/// SQL path, for append-only tables written on every request (the audit trail): no change tracker, no update
/// pipeline, no generated key read back. Table, columns, converters and parameter types all come from the EF model,
/// so the statement is the one SaveChanges would send on every provider, minus <c>RETURNING</c>. Store-generated
/// columns (the identity key) are left to the database.
/// </summary>
internal sealed class RowInserter
{
    /// <summary>Parameters per statement: SQL Server takes at most 2,100 parameters and 1,000 rows in one VALUES list.</summary>
    private const int MaxParameters = 2000;

    private static readonly ConcurrentDictionary<(IModel, Type), RowInserter> PerModel = new();
    private readonly IProperty[] _columns;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly string _head;
    private readonly ConcurrentDictionary<int, string> _statements = new();

    private RowInserter(DbContext db, Type clrType)
    {
        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _columns = [.. type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never)];
        _mappings = [.. _columns.Select(p => p.GetRelationalTypeMapping())];
        _head = "INSERT INTO " + sql.DelimitIdentifier(table.Name, table.Schema) + " ("
            + string.Join(", ", _columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ";
        RowsPerStatement = Math.Min(1000, MaxParameters / _columns.Length);
    }

    public int RowsPerStatement { get; }

    /// <summary>The inserter of <typeparamref name="T"/>'s table in this context's model (built once per model).</summary>
    public static RowInserter For<T>(DbContext db) => PerModel.GetOrAdd((db.Model, typeof(T)), k => new RowInserter(db, k.Item2));

    /// <summary>Inserts the rows in the caller's transaction (one statement per <see cref="RowsPerStatement"/> rows).</summary>
    public async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var parameters = new List<DbParameter>(count * _columns.Length);
            // Only the parameters' factory (the provider's parameter type); EF Core sends its own command.
            using var command = db.Database.GetDbConnection().CreateCommand();
            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    var column = _columns[c];
                    var value = column.PropertyInfo!.GetValue(rows[start + r]);
                    // The mapping applies the property's converter (UTC times) and its store type, as SaveChanges does.
                    parameters.Add(_mappings[c].CreateParameter(command, Name(r, c), value, column.IsNullable));
                }
            }
            await db.Database.ExecuteSqlRawAsync(_statements.GetOrAdd(count, Statement), parameters, ct);
        }
    }

    private static string Name(int row, int column) => "@r" + row.ToString(CultureInfo.InvariantCulture) + "c" + column.ToString(CultureInfo.InvariantCulture);

    private string Statement(int rows)
    {
        var text = new StringBuilder(_head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(Name(r, c));
            }
            text.Append(')');
        }
        return text.ToString();
    }
}
