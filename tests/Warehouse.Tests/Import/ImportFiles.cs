using Warehouse.Data;
using Warehouse.Import.Loading;
using Warehouse.Import.Specs;
using Warehouse.Import.Templates;
using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Import;

/// <summary>
/// Import files made from the test warehouse itself (the generator's county in the template layout), read into
/// memory so a test can change cells — inject errors — before writing them out. Row i of <see cref="Rows"/> is
/// spreadsheet row i + 2 (row 1 is the header).
/// </summary>
public sealed class ImportFiles
{
    private ImportFiles(EntitySpec entity, List<Dictionary<string, object?>> rows)
    {
        Entity = entity;
        Rows = rows;
    }

    public EntitySpec Entity { get; }
    public List<Dictionary<string, object?>> Rows { get; }

    public static DatabaseOptions Options(TestDatabase db) => new() { Provider = db.Provider, ConnectionString = db.ConnectionString };

    public static ImportFiles Export(TestDatabase db, string entity)
    {
        var spec = ImportEntities.Require(entity);
        var dialect = new Dialect(db.Provider);
        using var connection = dialect.Open(Options(db));
        var rows = WarehouseExporter.Rows(connection, dialect, spec).Select(r => new Dictionary<string, object?>(r)).ToList();
        return new ImportFiles(spec, rows);
    }

    /// <summary>The header of a column (the catalogue label), so tests name columns as the file does.</summary>
    public string H(string column) => Entity.Column(column)!.Header;

    public object? this[int row, string column]
    {
        get => Rows[row][H(column)];
        set => Rows[row][H(column)] = value;
    }

    /// <summary>The spreadsheet row number of data row <paramref name="row"/>.</summary>
    public static int Line(int row) => row + 2;

    public int IndexOf(string key) => Rows.FindIndex(r => (string?)r[Entity.Key.Header] == key);

    public string SaveXlsx(string directory)
    {
        var path = Path.Combine(directory, Entity.Name + ".xlsx");
        TemplateWriter.Save(path, Entity, Rows.Select(r => (IDictionary<string, object?>)r));
        return path;
    }

    /// <summary>Writes a CSV (quoted as Excel does) in <paramref name="encoding"/>, with <paramref name="headers"/> instead of the template's when
    /// given.</summary>
    public string SaveCsv(string path, System.Text.Encoding encoding, IReadOnlyDictionary<string, string>? headers = null)
    {
        var names = Rows[0].Keys.ToList();
        using var writer = new StreamWriter(path, false, encoding);
        writer.WriteLine(string.Join(",", names.Select(n => Quote(headers?.GetValueOrDefault(n) ?? n))));
        foreach (var row in Rows)
        {
            writer.WriteLine(string.Join(",", names.Select(n => Quote(row[n]?.ToString()))));
        }
        return path;
    }

    private static string Quote(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal)
        + "\"" : s;
}
