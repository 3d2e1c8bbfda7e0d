using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Warehouse.Exports;

/// <summary>
/// JSON Lines: one JSON object per row, '\n' after each. Keys are the GraphQL field names and a field reached
/// through a reference is nested under the reference's name (<c>{"id":…,"household":{"perCapitaNetIncome":…}}</c>;
/// <c>"household":null</c> when there is no related row in scope), so a line has the shape of the graph's node
/// for the same selection. Values keep their JSON types: money as a number in 元 with two decimals (8500.50), dates as "yyyy-MM-dd", lists as arrays.
/// </summary>
internal sealed class JsonlExportWriter : IExportRowWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _sink;
    private readonly Utf8JsonWriter _writer;
    private readonly List<Item> _layout = [];
    private readonly bool[] _money;

    public JsonlExportWriter(Stream sink, IReadOnlyList<ExportColumn> columns)
    {
        _sink = sink;
        _money = [.. columns.Select(c => c.Field.Kind == Warehouse.Catalogue.FieldKind.Money)];
        _writer = new Utf8JsonWriter(sink, Options);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Relation is null)
            {
                _layout.Add(new Item(column.Path, i, -1, []));
                continue;
            }
            var group = _layout.Find(g => g.RelationIndex == column.RelationIndex);
            if (group is null)
            {
                group = new Item(column.Relation.Name, -1, column.RelationIndex, []);
                _layout.Add(group);
            }
            group.Members.Add((column.Field.Name, i));
        }
    }

    public void WriteHeader(bool labels)
    {
    }

    public void WriteRow(ReadOnlySpan<object?> values, ReadOnlySpan<bool> missing)
    {
        _writer.WriteStartObject();
        foreach (var item in _layout)
        {
            _writer.WritePropertyName(item.Name);
            if (item.RelationIndex < 0)
            {
                WriteValue(_writer, values[item.Column], _money[item.Column]);
                continue;
            }
            if (missing[item.RelationIndex])
            {
                _writer.WriteNullValue();
                continue;
            }
            _writer.WriteStartObject();
            foreach (var (name, column) in item.Members)
            {
                _writer.WritePropertyName(name);
                WriteValue(_writer, values[column], _money[column]);
            }
            _writer.WriteEndObject();
        }
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        _sink.WriteByte((byte)'\n');
    }

    public void Flush() => _writer.Flush();

    /// <summary>The sink is the in-memory page buffer, so this flush is memory only.</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _writer.Dispose();

    private static void WriteValue(Utf8JsonWriter writer, object? value, bool money)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            // Money always with two decimals (8500.50, 8500.00), so a reader that infers types from a sample
            // (pandas, DuckDB) sees a decimal column whatever rows it samples; still a JSON number.
            case decimal m when money: writer.WriteRawValue(m.ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case string s: writer.WriteStringValue(s); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double db: writer.WriteNumberValue(db); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime time: writer.WriteStringValue(Warehouse.Data.Timestamps.ToIso(time)); break;
            case string[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A top-level key: a column of the entity (<see cref="Column"/>) or a reference with its member columns.</summary>
    private sealed record Item(string Name, int Column, int RelationIndex, List<(string Name, int Column)> Members);
}
