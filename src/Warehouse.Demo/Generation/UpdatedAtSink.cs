namespace Warehouse.Generation;

/// <summary>
/// Adds <c>updated_at</c> to every row of the tables that carry it (db/*/0009_updated_at.sql): a plausible
/// last-written time in UTC before the reference date, so incremental-refresh filters have a spread to select from
/// (most rows changed in the last months, some a year ago), in office hours of China Standard Time (08:00–18:59,
/// i.e. 00:00–10:59 UTC), to the millisecond. Drawn from its own random stream per table, so the same options give
/// the same times and the other tables' values are untouched. Values are 'yyyy-MM-dd HH:mm:ss.fff' text, as SQLite
/// stores them; the SQL Server sink parses them into datetime2(3).
/// </summary>
internal sealed class UpdatedAtSink(IBulkSink inner, GeneratorOptions options) : IBulkSink
{
    /// <summary>The column the sink adds.</summary>
    public const string Column = "updated_at";

    /// <summary>Random stream of these times; far from the generator's own stream numbers.</summary>
    private const int Stream = 9_013;

    /// <summary>Tables of exposed entities (project_beneficiary is a link table no reader sees).</summary>
    public static readonly IReadOnlySet<string> TablesWithColumn =
        new HashSet<string>(Tables.All.Where(t => t != Tables.ProjectBeneficiary), StringComparer.Ordinal);

    private readonly DateTime _before = options.ReferenceDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private Rng? _rng;

    public void Begin(string table, IReadOnlyList<string> columns)
    {
        _rng = TablesWithColumn.Contains(table) && !columns.Contains(Column)
            ? Rng.For(options.Seed, Stream, Tables.All.ToList().IndexOf(table))
            : null;
        inner.Begin(table, _rng is null ? columns : [.. columns, Column]);
    }

    public void Add(object?[] row)
    {
        if (_rng is null)
        {
            inner.Add(row);
            return;
        }
        var widened = new object?[row.Length + 1];
        Array.Copy(row, widened, row.Length);
        widened[^1] = Next(_rng);
        inner.Add(widened);
    }

    public void End() => inner.End();

    public void Complete() => inner.Complete();

    /// <summary>Days back skewed toward recent (square of a uniform draw over 540 days), then a time of the working day.</summary>
    private string Next(Rng rng)
    {
        var u = rng.Next(1_000_000) / 1_000_000.0;
        var daysBack = 1 + (int)(u * u * 540);
        var time = _before.AddDays(-daysBack)
            .AddHours(rng.Range(0, 10)).AddMinutes(rng.Range(0, 59)).AddSeconds(rng.Range(0, 59)).AddMilliseconds(rng.Range(0, 999));
        return Data.Timestamps.ToSqliteText(time);
    }
}
