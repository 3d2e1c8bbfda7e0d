using System.Data.Common;
using System.Globalization;
using Warehouse.Data;
using Warehouse.Import.Loading;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Templates;

/// <summary>
/// Writes the warehouse's rows of each importable entity in the template layout (one workbook per entity), as the
/// national system's exports would come: money in 元 with two decimals, dates yyyy-MM-dd, flags 是/否. Used by
/// <c>seed --to-xlsx</c> and by the import tests, which inject errors into these files.
/// </summary>
public static class WarehouseExporter
{
    public static IReadOnlyList<string> ExportAll(DatabaseOptions database, string directory, Action<string>? log = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var entity in ImportEntities.All)
        {
            var path = Path.Combine(directory, entity.Name + ".xlsx");
            var rows = Export(database, entity, path);
            log?.Invoke($"wrote {path} ({rows} rows)");
            written.Add(path);
        }
        return written;
    }

    public static int Export(DatabaseOptions database, EntitySpec entity, string path)
    {
        var dialect = new Dialect(database.Provider);
        using var connection = dialect.Open(database);
        var count = 0;
        TemplateWriter.Save(path, entity, Rows(connection, dialect, entity, () => count++));
        return count;
    }

    internal static IEnumerable<IDictionary<string, object?>> Rows(DbConnection connection, Dialect dialect, EntitySpec entity, Action? counted = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SelectSql(dialect, entity);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(entity.Columns.Count);
            for (var i = 0; i < entity.Columns.Count; i++)
            {
                row[entity.Columns[i].Header] = reader.IsDBNull(i) ? null : Cell(entity.Columns[i], reader.GetValue(i));
            }
            counted?.Invoke();
            yield return row;
        }
    }

    internal static string SelectSql(Dialect dialect, EntitySpec entity) =>
        $"SELECT {string.Join(", ", entity.Columns.Select(c => c.Column))} FROM {dialect.Table(entity.Table)} ORDER BY {entity.Key.Column}";

    /// <summary>A stored value as the template shows it (text, so ID numbers and codes never turn into numbers in Excel).</summary>
    public static string Cell(ColumnSpec column, object value) => column.Kind switch
    {
        ColumnKind.Money => (Convert.ToInt64(value, CultureInfo.InvariantCulture) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        ColumnKind.Flag => Convert.ToBoolean(value, CultureInfo.InvariantCulture) ? "是" : "否",
        ColumnKind.Date or ColumnKind.Month => value switch
        {
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        },
        ColumnKind.VocabularyList => Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace(",", "、", StringComparison.Ordinal),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
