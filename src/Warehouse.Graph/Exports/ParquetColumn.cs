using Parquet;
using Parquet.Schema;

namespace Warehouse.Exports;

/// <summary>
/// One column of the Parquet feed: its schema field and the values of the row group being filled (boxed shaped
/// values as <see cref="ExportRowShaper.Shape"/> gives them), converted to the Parquet type when the group is written.
/// Typed scratch buffers are allocated once per export and reused for every row group. The writer keeps two of each
/// column (<see cref="Twin"/>): one filled by the request while the other's group is being encoded.
/// </summary>
internal sealed class ParquetColumn
{
    private readonly object?[] _values;
    private readonly string _type;
    private readonly bool _nullable;
    private Array? _scratch;
    private List<ReadOnlyMemory<char>>? _items;
    private int[]? _definitions;
    private int[]? _repetitions;

    public ParquetColumn(ExportColumn column, ExportColumnType type, int capacity)
    {
        Path = column.Path;
        _type = type.Type;
        _nullable = type.Nullable;
        _values = new object?[capacity];
        Field = type.Type switch
        {
            "decimal(18,2)" => new DecimalDataField(column.Path, 18, 2, forceByteArrayEncoding: false, isNullable: type.Nullable),
            "integer" => new DataField<int>(column.Path, type.Nullable),
            "date" => new DataField<DateOnly>(column.Path, type.Nullable),
            // The logical TIMESTAMP type, adjusted to UTC, in milliseconds: what the columns hold (not INT96).
            "timestamp" => new DateTimeDataField(column.Path, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis,
                isNullable: type.Nullable),
            "boolean" => new DataField<bool>(column.Path, type.Nullable),
            "string[]" => new ListField(column.Path, new DataField<string>("element", false)),
            _ => new DataField<string>(column.Path, type.Nullable),
        };
    }

    private ParquetColumn(ParquetColumn shape)
    {
        Path = shape.Path;
        _type = shape._type;
        _nullable = shape._nullable;
        _values = new object?[shape._values.Length];
        Field = shape.Field;
    }

    public string Path { get; }

    /// <summary>
    /// A second buffer for the same column: the same schema field (the Parquet writer knows its columns by those
    /// instances) with values and scratch of its own.
    /// </summary>
    public ParquetColumn Twin() => new(this);

    /// <summary>The schema field (a list field for vocabulary lists).</summary>
    public Field Field { get; }

    public void Set(int row, object? value) => _values[row] = value;

    /// <summary>Writes the first <paramref name="count"/> values as this column's chunk of the row group.</summary>
    public Task WriteAsync(ParquetRowGroupWriter group, int count, CancellationToken ct) => _type switch
    {
        "decimal(18,2)" => WriteStructAsync<decimal>(group, count, ct),
        "integer" => WriteStructAsync<int>(group, count, ct),
        "date" => WriteStructAsync<DateOnly>(group, count, ct),
        "timestamp" => WriteStructAsync<DateTime>(group, count, ct),
        "boolean" => WriteStructAsync<bool>(group, count, ct),
        "string[]" => WriteListAsync(group, count, ct),
        _ => WriteTextAsync(group, count, ct),
    };

    private Task WriteStructAsync<T>(ParquetRowGroupWriter group, int count, CancellationToken ct) where T : struct
    {
        var field = (DataField)Field;
        if (_nullable)
        {
            var buffer = (T?[])(_scratch ??= new T?[_values.Length]);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = _values[i] is T v ? v : null;
            }
            return group.WriteAsync(field, new ReadOnlyMemory<T?>(buffer, 0, count), cancellationToken: ct);
        }
        var required = (T[])(_scratch ??= new T[_values.Length]);
        for (var i = 0; i < count; i++)
        {
            required[i] = _values[i] is T v
                ? v : throw new InvalidOperationException($"Column {Path} is not nullable but row {i} of the group has no {typeof(T).Name}.");
        }
        return group.WriteAsync(field, new ReadOnlyMemory<T>(required, 0, count), cancellationToken: ct);
    }

    private Task WriteTextAsync(ParquetRowGroupWriter group, int count, CancellationToken ct)
    {
        var field = (DataField)Field;
        if (_nullable)
        {
            var buffer = (ReadOnlyMemory<char>?[])(_scratch ??= new ReadOnlyMemory<char>?[_values.Length]);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = Text(_values[i]) is { } s ? s.AsMemory() : null;
            }
            return group.WriteAsync(field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(buffer, 0, count), cancellationToken: ct);
        }
        var required = (ReadOnlyMemory<char>[])(_scratch ??= new ReadOnlyMemory<char>[_values.Length]);
        for (var i = 0; i < count; i++)
        {
            required[i] = (Text(_values[i]) ?? throw new InvalidOperationException($"Column {Path} is not nullable but row {i} of the group is null."))
                .AsMemory();
        }
        return group.WriteAsync(field, new ReadOnlyMemory<ReadOnlyMemory<char>>(required, 0, count), cancellationToken: ct);
    }

    /// <summary>
    /// A list column in Dremel form: one repetition level per entry (0 starts a row), definition levels telling a
    /// null list (no related row in scope) from an empty one from a present element.
    /// </summary>
    private Task WriteListAsync(ParquetRowGroupWriter group, int count, CancellationToken ct)
    {
        var element = ((ListField)Field).Item as DataField ?? throw new InvalidOperationException($"{Path}: list without a data element.");
        var present = element.MaxDefinitionLevel;
        _items ??= new List<ReadOnlyMemory<char>>(_values.Length * 2);
        _items.Clear();
        var definitions = new List<int>(_values.Length * 2);
        var repetitions = new List<int>(_values.Length * 2);
        for (var i = 0; i < count; i++)
        {
            if (_values[i] is not string[] list)
            {
                definitions.Add(_values[i] is null ? present - 2 : present - 1);
                repetitions.Add(0);
                continue;
            }
            if (list.Length == 0)
            {
                definitions.Add(present - 1);
                repetitions.Add(0);
                continue;
            }
            for (var j = 0; j < list.Length; j++)
            {
                _items.Add(list[j].AsMemory());
                definitions.Add(present);
                repetitions.Add(j == 0 ? 0 : 1);
            }
        }
        _definitions = [.. definitions];
        _repetitions = [.. repetitions];
        return group.WriteAllPartsAsync<ReadOnlyMemory<char>>(element, _items.ToArray().AsMemory(), _definitions.AsMemory(), _repetitions.AsMemory(), ct);
    }

    /// <summary>Text of a value in a string column: masked text as it is, anything else invariantly.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
