using Warehouse.Import.Specs;
using Warehouse.Import.Validation;

namespace Warehouse.Import.Mapping;

/// <summary>
/// How one sheet's columns line up with an entity's columns: for each column spec, the index of its cell (or -1)
/// and its rules. Headers are matched by the template header (catalogue label), the base-table column or the
/// catalogue field name, after the mapping file's renames.
/// </summary>
internal sealed class SheetLayout
{
    private SheetLayout(EntitySpec entity, int[] index, ColumnRules[] rules, List<string> unknown)
    {
        Entity = entity;
        Index = index;
        Rules = rules;
        UnknownHeaders = unknown;
    }

    public EntitySpec Entity { get; }
    /// <summary>Cell index per column of <see cref="Entity"/>, -1 when the sheet lacks it.</summary>
    public int[] Index { get; }
    public ColumnRules[] Rules { get; }
    public IReadOnlyList<string> UnknownHeaders { get; }

    public IEnumerable<ColumnSpec> MissingRequired => Entity.Columns.Where((c, i) => Index[i] < 0 && c.Required && c.Default is null);

    public static SheetLayout Create(EntitySpec entity, IReadOnlyList<string> headers, EntityMapping? mapping)
    {
        var index = Enumerable.Repeat(-1, entity.Columns.Count).ToArray();
        var unknown = new List<string>();
        for (var h = 0; h < headers.Count; h++)
        {
            var header = headers[h];
            if (header.Length == 0)
            {
                continue;
            }
            var target = mapping?.Columns.GetValueOrDefault(header) ?? header;
            var i = Find(entity, target);
            if (i < 0)
            {
                unknown.Add(header);
            }
            else if (index[i] < 0)
            {
                index[i] = h;
            }
        }
        var rules = entity.Columns.Select(c => RulesFor(c, mapping)).ToArray();
        return new SheetLayout(entity, index, rules, unknown);
    }

    private static int Find(EntitySpec entity, string name)
    {
        for (var i = 0; i < entity.Columns.Count; i++)
        {
            var c = entity.Columns[i];
            if (c.Header == name || c.Column == name || string.Equals(c.FieldName, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    private static ColumnRules RulesFor(ColumnSpec column, EntityMapping? mapping)
    {
        if (mapping is null)
        {
            return ColumnRules.None;
        }
        string[] names = [column.Column, column.FieldName ?? column.Column, column.Header];
        T? Pick<T>(Dictionary<string, T> d) where T : class => names.Select(n => d.GetValueOrDefault(n)).FirstOrDefault(v => v is not null);
        var unit = Pick(mapping.Units) switch
        {
            null or "元" or "yuan" => 1m,
            "万元" or "万" or "wan" => 10_000m,
            var other => throw new InvalidDataException($"mapping: unknown money unit '{other}' for {column.Column} (use 元 or 万元)."),
        };
        return new ColumnRules { Values = Pick(mapping.Values), UnitYuan = unit, DateFormats = Pick(mapping.DateFormats) };
    }
}
