using System.Globalization;

namespace Warehouse.Data;

/// <summary>
/// The one representation of a <see cref="Catalogue.FieldKind.Timestamp"/> value (<c>updatedAt</c>): UTC, whole
/// milliseconds. SQLite stores it as fixed-width text <c>yyyy-MM-dd HH:mm:ss.fff</c> — what its own
/// <c>strftime('%Y-%m-%d %H:%M:%f', 'now')</c> writes in the 0009 triggers — so comparing text compares times and
/// EF's parameters (written by <see cref="ToSqliteText"/>) compare correctly with what the triggers wrote.
/// Feeds and cursors use ISO 8601 with <c>Z</c> (<see cref="ToIso"/>).
/// </summary>
public static class Timestamps
{
    /// <summary>Storage text in SQLite.</summary>
    public const string SqliteFormat = "yyyy-MM-dd HH:mm:ss.fff";

    /// <summary>Text in feeds, cursors and audit records.</summary>
    public const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The instant as UTC: local times are converted, unspecified ones are taken as UTC (database values).</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static string ToSqliteText(DateTime value) => AsUtc(value).ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public static DateTime FromSqliteText(string text) =>
        DateTime.ParseExact(text, SqliteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string ToIso(DateTime value) => AsUtc(value).ToString(IsoFormat, CultureInfo.InvariantCulture);

    /// <summary>Whether the instant has nothing finer than a millisecond (what the columns hold).</summary>
    public static bool IsWholeMilliseconds(DateTime value) => value.Ticks % TimeSpan.TicksPerMillisecond == 0;
}
