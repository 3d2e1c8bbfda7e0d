using Parquet;
using Parquet.Schema;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Reads a Parquet feed back with Parquet.Net's low-level reader (values with their definition and repetition
/// levels), independently of the writer's code: one object per cell (string, decimal, int, DateOnly, DateTime, bool,
/// string[] for lists, null), and the schema as written.
/// </summary>
public sealed record ParquetFile(ParquetSchema Schema, IReadOnlyList<string> Columns, List<object?[]> Rows, int RowGroups)
{
    public static async Task<ParquetFile> ReadAsync(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes), new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields();
        var columns = fields.Select(f => f.Path.FirstPart!).ToList();
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var cells = new object?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                cells[c] = await ColumnAsync(group, fields[c], count);
            }
            for (var r = 0; r < count; r++)
            {
                rows.Add([.. cells.Select(col => col[r])]);
            }
        }
        return new ParquetFile(reader.Schema, columns, rows, reader.RowGroupCount);
    }

    public int Index(string column) => Columns.ToList().IndexOf(column) is var i and >= 0 ? i : throw new KeyNotFoundException(column);

    public List<object?> Column(string column) => [.. Rows.Select(r => r[Index(column)])];

    private static Task<object?[]> ColumnAsync(ParquetRowGroupReader group, DataField field, int rows) => field.ClrType switch
    {
        var t when t == typeof(string) || t == typeof(ReadOnlyMemory<char>) => ReadAsync<ReadOnlyMemory<char>>(group, field, rows, v => new string(v.Span)),
        var t when t == typeof(decimal) => ReadAsync<decimal>(group, field, rows, v => v),
        var t when t == typeof(int) => ReadAsync<int>(group, field, rows, v => v),
        var t when t == typeof(DateOnly) => ReadAsync<DateOnly>(group, field, rows, v => v),
        var t when t == typeof(DateTime) => ReadAsync<DateTime>(group, field, rows, v => v),
        var t when t == typeof(bool) => ReadAsync<bool>(group, field, rows, v => v),
        var t => throw new NotSupportedException($"{field.Path}: {t}"),
    };

    private static async Task<object?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, object> box) where T : struct
    {
        var n = (int)group.GetMetadata(field)!.MetaData!.NumValues;
        var values = new T[n];
        var definitions = new int[n];
        var repetitions = new int[n];
        await group.ReadRawAsync(field, values.AsMemory(), field.MaxDefinitionLevel > 0 ? definitions.AsMemory() : (Memory<int>?)null,
            field.MaxRepetitionLevel > 0 ? repetitions.AsMemory() : (Memory<int>?)null);
        var result = new object?[rows];
        var max = field.MaxDefinitionLevel;
        var v = 0;
        if (field.MaxRepetitionLevel == 0)
        {
            for (var i = 0; i < rows; i++)
            {
                result[i] = max == 0 || definitions[i] == max ? box(values[v++]) : null;
            }
            return result;
        }
        // A list: repetition level 0 starts a row; below max-1 a null list, max-1 an empty one, max an element.
        var row = -1;
        List<string>? current = null;
        for (var i = 0; i < n; i++)
        {
            if (repetitions[i] == 0)
            {
                Close();
                row++;
                current = definitions[i] >= max - 1 ? [] : null;
            }
            if (definitions[i] == max)
            {
                current!.Add((string)box(values[v++]));
            }
        }
        Close();
        return result;

        void Close()
        {
            if (row >= 0)
            {
                result[row] = current?.ToArray();
            }
        }
    }
}
