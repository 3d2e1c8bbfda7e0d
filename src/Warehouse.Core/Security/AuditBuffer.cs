using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// What one request read that the audit trail must record: reveals (record, field, reason) and the personal or
/// sensitive fields returned with the rows they came from. Filled while resolving; written by
/// <see cref="AuditWriter"/> before the response leaves the server.
/// </summary>
public sealed class AuditBuffer
{
    private readonly Lock _gate = new();
    private readonly List<(FieldDef Field, string RecordId, string Reason)> _reveals = [];
    private readonly Dictionary<string, HashSet<string>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _rows = new(StringComparer.Ordinal);

    public void Reveal(FieldDef field, string recordId, string reason)
    {
        lock (_gate)
        {
            _reveals.Add((field, recordId, reason));
        }
    }

    /// <summary>Notes that a personal or sensitive field of a row was returned.</summary>
    public void Returned(FieldDef field, string recordId)
    {
        if (field.Sensitivity < Sensitivity.Personal)
        {
            return;
        }
        lock (_gate)
        {
            Set(_fields, field.Entity.TypeName).Add(field.Name);
            Set(_rows, field.Entity.TypeName).Add(recordId);
        }
    }

    public IReadOnlyList<(FieldDef Field, string RecordId, string Reason)> Reveals
    {
        get { lock (_gate) { return [.. _reveals]; } }
    }

    /// <summary>Per type: the personal fields returned and how many rows they came from.</summary>
    public IReadOnlyList<(string Type, IReadOnlyList<string> Fields, int Rows)> PersonalData
    {
        get
        {
            lock (_gate)
            {
                return [.. _fields.OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => (f.Key, (IReadOnlyList<string>)[.. f.Value.Order(StringComparer.Ordinal)], _rows[f.Key].Count))];
            }
        }
    }

    public bool IsEmpty
    {
        get { lock (_gate) { return _reveals.Count == 0 && _fields.Count == 0; } }
    }

    private static HashSet<string> Set(Dictionary<string, HashSet<string>> map, string key) =>
        map.TryGetValue(key, out var set) ? set : map[key] = new HashSet<string>(StringComparer.Ordinal);
}
