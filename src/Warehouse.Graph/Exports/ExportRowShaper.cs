using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Shapes the rows of plain export pages, with everything decided once per export: per column of the exported entity
/// its ordinal in the page and its <see cref="FieldShaper"/> (the graph's grant, masks and minors rule, prepared),
/// the ordinals of the mask's sibling properties, and whether a vocabulary list is split; the birth date's ordinal
/// and the reader's minor cutoff. Per row only array reads and the shaper's own work remain. A column through a
/// reference reads the page's related row (an entity object, one batched scoped load per page) through
/// <see cref="ExportValues.Read"/>, as before.
/// </summary>
internal sealed class ExportRowShaper
{
    private readonly AccessContext _access;
    private readonly ExportPlan _plan;
    private readonly Column[] _columns;
    private readonly int[] _relationKeys;
    private readonly int _birth;
    private readonly DateOnly _cutoff;
    private readonly object?[] _targets;
    private object?[] _values = [];
    private int _offset;

    public ExportRowShaper(AccessContext access, ExportPlan plan, IReadOnlyList<string> properties)
    {
        _access = access;
        _plan = plan;
        var list = properties.ToList();
        _relationKeys = [.. plan.Relations.Select(r => list.IndexOf(r.ParentKey))];
        _targets = new object?[plan.Relations.Count];
        _birth = NeedsBirthDate(plan, access) ? Ordinal(list, plan.Entity.Minors!.BirthDate.Name) : -1;
        _cutoff = _birth >= 0 ? access.MinorCutoff(plan.Entity) : default;
        _columns = [.. plan.Columns.Select(c => c.RelationIndex >= 0
            ? new Column(this, c.Field, -1, null, [], [], false)
            : new Column(this, c.Field, Ordinal(list, c.Field.Property.Name), new FieldShaper(access, c.Field), [.. c.Field.DependsOn],
                [.. c.Field.DependsOn.Select(d => Ordinal(list, d))],
                ExportValues.SplitsList(access, c.Field)))];
    }

    /// <summary>
    /// Whether a column of the exported entity is shaped by the minors rule for this reader (masked or withheld on a
    /// minor's row). When none is (the village reads minors in full; the county reads no minor's row at all), the
    /// birth date is neither read nor tested.
    /// </summary>
    public static bool NeedsBirthDate(ExportPlan plan, AccessContext access) =>
        plan.Entity.Minors is not null && plan.Columns.Any(c => c.RelationIndex < 0 && MinorRecords.Shadows(c.Field, access));

    /// <summary>Fills <paramref name="values"/> (one per column) and <paramref name="missing"/> (one per reference: no related row in scope).</summary>
    public void Shape(ExportPage page, int row, object?[] values, bool[] missing)
    {
        var rows = page.Rows;
        _values = rows.Values;
        _offset = row * rows.Width;
        for (var r = 0; r < _targets.Length; r++)
        {
            _targets[r] = _values[_offset + _relationKeys[r]] is string key && page.Related[r].TryGetValue(key, out var related) && related.Count > 0
                ? related[0]
                : null;
            missing[r] = _targets[r] is null;
        }
        var minor = _birth >= 0 && MinorRecords.IsMinorBirth(_values[_offset + _birth], _cutoff);
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _plan.Columns[i];
            if (column.RelationIndex >= 0)
            {
                values[i] = _targets[column.RelationIndex] is { } target ? ExportValues.Read(_access, column.Field, target) : null;
                continue;
            }
            var c = _columns[i];
            var value = c.Shaper!.Shape(_values[_offset + c.Ordinal], minor, c.ReadSibling);
            values[i] = c.Split ? ExportValues.AsList(value) : value;
        }
    }

    private static int Ordinal(List<string> properties, string name)
    {
        var i = properties.IndexOf(name);
        return i >= 0 ? i : throw new InvalidOperationException($"The export reads no property {name}.");
    }

    /// <summary>One column of the exported entity: where its value is, how it is shaped, where its mask's siblings are.</summary>
    private sealed class Column(ExportRowShaper owner, FieldDef field, int ordinal, FieldShaper? shaper, string[] siblings, int[] siblingOrdinals,
        bool split)
    {
        public int Ordinal { get; } = ordinal;
        public FieldShaper? Shaper { get; } = shaper;
        public bool Split { get; } = split;

        /// <summary><see cref="Sibling"/> as the delegate the masks take, made once.</summary>
        public Func<string, object?> ReadSibling => _readSibling ??= Sibling;

        private Func<string, object?>? _readSibling;

        /// <summary>Another property of the row being shaped (a mask that depends on it, e.g. the payee type).</summary>
        public object? Sibling(string name)
        {
            for (var i = 0; i < siblings.Length; i++)
            {
                if (siblings[i] == name)
                {
                    return owner._values[owner._offset + siblingOrdinals[i]];
                }
            }
            throw new InvalidOperationException($"{field.QualifiedName}: its mask reads {name}, which the field does not declare in DependsOn.");
        }
    }
}
