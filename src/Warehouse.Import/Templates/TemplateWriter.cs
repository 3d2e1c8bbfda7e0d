using MiniExcelLibs;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Templates;

/// <summary>
/// Writes an entity's template workbook: a data sheet named by the entity's Chinese label with the template
/// headers (catalogue labels) and one example row, and a notes sheet with each column's rules. The same layout
/// carries data (<see cref="WarehouseExporter"/>), so an exported county imports as it is.
/// </summary>
public static class TemplateWriter
{
    /// <summary>The notes sheet; an import skips it.</summary>
    public const string NotesSheet = "填写说明";

    public static readonly string[] NotesHeaders = ["列名 header", "字段 field", "必填 required", "规则 rule", "取值 values", "示例 example"];

    public static void Write(EntitySpec entity, string path)
    {
        var example = entity.Columns.ToDictionary(c => c.Header, c => (object?)c.Example);
        Save(path, entity, [example]);
    }

    /// <summary>Writes <paramref name="rows"/> (header → cell) under the template headers, with the notes sheet.</summary>
    public static void Save(string path, EntitySpec entity, IEnumerable<IDictionary<string, object?>> rows)
    {
        var notes = entity.Columns.Select(c => new Dictionary<string, object?>
        {
            [NotesHeaders[0]] = c.Header,
            [NotesHeaders[1]] = c.FieldName ?? c.Column,
            [NotesHeaders[2]] = ColumnNotes.Required(c),
            [NotesHeaders[3]] = ColumnNotes.Rule(c),
            [NotesHeaders[4]] = ColumnNotes.Values(c),
            [NotesHeaders[5]] = c.Example,
        });
        var sheets = new Dictionary<string, object>
        {
            [entity.Label] = Empty(entity, rows),
            [NotesSheet] = notes,
        };
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);
    }

    /// <summary>A sheet without rows still needs its header row: MiniExcel takes headers from the first row.</summary>
    private static IEnumerable<IDictionary<string, object?>> Empty(EntitySpec entity, IEnumerable<IDictionary<string, object?>> rows)
    {
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            yield return row;
        }
        if (!any)
        {
            yield return entity.Columns.ToDictionary(c => c.Header, _ => (object?)null);
        }
    }
}
