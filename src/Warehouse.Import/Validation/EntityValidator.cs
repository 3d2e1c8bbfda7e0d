using System.Globalization;
using Warehouse.Import.Loading;
using Warehouse.Import.Mapping;
using Warehouse.Import.Reading;
using Warehouse.Import.Reports;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Validation;

/// <summary>
/// Validates the rows of one entity across its sheets: every cell (<see cref="CellParser"/>), region codes and
/// references against the warehouse and the rows already validated in this load, duplicate keys and unique
/// values within the load, and an ID number's birth date against the birth date column. Every problem of a row
/// is reported, not just the first. Valid rows come out as values in <see cref="EntitySpec.WrittenColumns"/> order
/// and are added to the reference index, so later entities of the same load can refer to them.
/// </summary>
internal sealed class EntityValidator
{
    private readonly EntitySpec _entity;
    private readonly ReferenceIndex _index;
    private readonly List<Reject> _rejects;
    private readonly Dictionary<string, int> _positions;
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _unique = new(StringComparer.Ordinal);
    private readonly ReferenceTable _self;
    private readonly int[] _selfColumns;

    public EntityValidator(EntitySpec entity, ReferenceIndex index, List<Reject> rejects)
    {
        _entity = entity;
        _index = index;
        _rejects = rejects;
        _positions = entity.WrittenColumns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        _self = index[entity.Name];
        _selfColumns = _self.Columns.Select(c => _positions[c]).ToArray();
    }

    public List<object?[]> Valid { get; } = [];
    public int Read { get; private set; }
    public int Rejected { get; private set; }

    public void Validate(SourceSheet sheet, SheetLayout layout, IProgress<ImportProgress>? progress)
    {
        var columns = _entity.Columns;
        var width = _positions.Count;
        foreach (var row in sheet.Rows())
        {
            Read++;
            var values = new object?[width];
            var before = _rejects.Count;
            string? key = null;
            for (var i = 0; i < columns.Count; i++)
            {
                var spec = columns[i];
                var at = layout.Index[i];
                var raw = at >= 0 && at < row.Cells.Length ? row.Cells[at] : null;
                var header = at >= 0 ? sheet.Headers[at] : spec.Header;
                var parsed = CellParser.Parse(spec, raw, layout.Rules[i]);
                if (!parsed.IsOk)
                {
                    Add(sheet, row.Number, header, raw, parsed.Error!.Value, parsed.Detail);
                    continue;
                }
                values[i] = parsed.Value;
                if (parsed.Value is null)
                {
                    continue;
                }
                if (spec.Reference is { } reference && !Resolve(spec, reference, values, (string)parsed.Value, out var code, out var detail))
                {
                    Add(sheet, row.Number, header, raw, code, detail);
                    continue;
                }
                if (i == 0)
                {
                    key = (string)parsed.Value;
                    if (!_keys.TryAdd(key, row.Number))
                    {
                        Add(sheet, row.Number, header, raw, RejectCode.DuplicateKey, $"row {_keys[key]}");
                    }
                }
                else if (spec.Unique)
                {
                    var seen = _unique.TryGetValue(spec.Column, out var d) ? d : _unique[spec.Column] = new(StringComparer.Ordinal);
                    var text = (string)parsed.Value;
                    if (!seen.TryAdd(text, row.Number))
                    {
                        Add(sheet, row.Number, header, raw, RejectCode.DuplicateValue, $"row {seen[text]}");
                    }
                }
            }
            CheckBirthDate(sheet, layout, row, values);
            if (_rejects.Count > before)
            {
                Rejected++;
                if (key is not null && !_self.Loaded.ContainsKey(key))
                {
                    _self.Rejected.Add(key);
                }
            }
            else
            {
                Valid.Add(values);
                var copy = new string?[_selfColumns.Length];
                for (var c = 0; c < copy.Length; c++)
                {
                    copy[c] = values[_selfColumns[c]] as string;
                }
                _self.Loaded[key!] = copy;
            }
            if (Read % 10_000 == 0)
            {
                progress?.Report(new ImportProgress("validate", _entity.Name, Read));
            }
        }
    }

    private bool Resolve(ColumnSpec spec, ReferenceSpec reference, object?[] values, string key, out RejectCode code, out string? detail)
    {
        code = default;
        detail = null;
        var target = _index[reference.Target];
        var found = target.Find(key, out var rejected);
        if (found is null)
        {
            code = reference.Target == ImportEntities.Regions ? RejectCode.RegionNotFound : rejected
                ? RejectCode.ReferenceRejected : RejectCode.ReferenceNotFound;
            return false;
        }
        if (spec.RegionLevels is { } levels && !levels.Contains(found[target.ColumnIndex("level")]))
        {
            code = RejectCode.RegionWrongLevel;
            detail = $"{found[target.ColumnIndex("level")]} ≠ {string.Join("/", levels)}";
            return false;
        }
        foreach (var (from, to) in reference.MustMatch)
        {
            if (values[_positions[to]] is string mine && found[target.ColumnIndex(from)] != mine)
            {
                // The warehouse's value is not shown: the report goes to an uploader who may hold no data role.
                code = RejectCode.ReferenceMismatch;
                detail = from;
                return false;
            }
        }
        foreach (var (from, to) in reference.Copies)
        {
            values[_positions[to]] = found[target.ColumnIndex(from)];
        }
        return true;
    }

    private void CheckBirthDate(SourceSheet sheet, SheetLayout layout, SourceRow row, object?[] values)
    {
        if (!_positions.TryGetValue("id_number", out var id) || !_positions.TryGetValue("birth_date", out var birth)
            || values[id] is not string number || values[birth] is not DateOnly date || IdNumberCheck.BirthDate(number) == date)
        {
            return;
        }
        var column = _entity.Columns.Select((c, i) => (c, i)).First(x => x.c.Column == "birth_date");
        var at = layout.Index[column.i];
        Add(sheet, row.Number, at >= 0 ? sheet.Headers[at] : column.c.Header, at >= 0 ? row.Cells.ElementAtOrDefault(at) : null, RejectCode.IdBirthMismatch,
            IdNumberCheck.BirthDate(number)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private void Add(SourceSheet sheet, int row, string column, string? value, RejectCode code, string? detail) =>
        _rejects.Add(new Reject(sheet.File, sheet.Sheet, row, column, value, code, detail));
}
