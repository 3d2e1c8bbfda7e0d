using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// What one request read that the audit trail must record: reveals (record, field, reason) and the personal or
/// sensitive fields returned with the rows they came from. Filled while resolving; written by
/// <see cref="AuditWriter"/> before the response leaves the server.
/// </summary>
public sealed class AuditBuffer
{
    /// <summary>
    /// Most records (distinct rows, whatever the number of fields) one request may reveal: a default page (50),
    /// so that one reason covers a worked list, never a whole 500-row page or a table. Beyond it the request
    /// reveals nothing (see <see cref="RevealLimitExceeded"/>).
    /// </summary>
    public const int MaxRevealedRecords = 50;

    private readonly Lock _gate = new();
    private readonly List<(FieldDef Field, string RecordId, string Reason)> _reveals = [];
    private readonly HashSet<(string Type, string RecordId)> _revealedRecords = [];
    private readonly Dictionary<string, HashSet<string>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _rows = new(StringComparer.Ordinal);
    private readonly List<(string Type, int Groups, string Detail)> _aggregates = [];

    /// <summary>Notes a protected aggregate: its type, the groups returned and the redacted request (see <see cref="AggregateAudit"/>).</summary>
    public void Aggregated(string type, int groups, string detail)
    {
        lock (_gate)
        {
            _aggregates.Add((type, groups, detail));
        }
    }

    public IReadOnlyList<(string Type, int Groups, string Detail)> Aggregates
    {
        get { lock (_gate) { return [.. _aggregates]; } }
    }

    /// <summary>
    /// Records a reveal, to be called before the value is returned. Throws REVEAL_LIMIT_EXCEEDED for the record
    /// past <see cref="MaxRevealedRecords"/> and marks the request, whose response then carries no data at all.
    /// </summary>
    public void Reveal(FieldDef field, string recordId, string reason)
    {
        lock (_gate)
        {
            if (!_revealedRecords.Contains((field.Entity.TypeName, recordId)) && _revealedRecords.Count >= MaxRevealedRecords)
            {
                RevealLimitExceeded = true;
                throw new QueryException(ErrorCodes.RevealLimitExceeded,
                    $"One request may reveal at most {MaxRevealedRecords} records; this one asked for more, so nothing is revealed. Ask for fewer " +
                        $"rows (first: {MaxRevealedRecords}) or reveal in smaller steps.");
            }
            _revealedRecords.Add((field.Entity.TypeName, recordId));
            _reveals.Add((field, recordId, reason));
        }
    }

    /// <summary>True once a reveal went past <see cref="MaxRevealedRecords"/>: the response must not carry data.</summary>
    public bool RevealLimitExceeded { get; private set; }

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
        get { lock (_gate) { return _reveals.Count == 0 && _fields.Count == 0 && _aggregates.Count == 0; } }
    }

    private static HashSet<string> Set(Dictionary<string, HashSet<string>> map, string key) =>
        map.TryGetValue(key, out var set) ? set : map[key] = new HashSet<string>(StringComparer.Ordinal);
}
