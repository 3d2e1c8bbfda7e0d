using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage;

namespace Warehouse.Querying;

/// <summary>
/// How a plain page reads one column: the stored value read by ordinal as EF Core's type mapping for that property
/// reads it (<c>GetFieldValue</c> of the provider type), then through the mapping's converter when it has one (the
/// timestamps' UTC conversions), so a plain row holds exactly what the entity property would. Built once per
/// column and page, then one delegate call per value.
/// </summary>
internal static class ColumnReaders
{
    private static readonly MethodInfo TypedMethod = typeof(ColumnReaders).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Func<DbDataReader, int, object?> For(CoreTypeMapping mapping)
    {
        var converter = mapping.Converter;
        var stored = converter?.ProviderClrType ?? mapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var read = TypedMethod.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object?>>();
        if (converter is null)
        {
            return read;
        }
        var fromProvider = converter.ConvertFromProvider;
        return (reader, ordinal) => read(reader, ordinal) is { } value ? fromProvider(value) : null;
    }

    /// <summary>
    /// One <c>GetValue</c> call (the null test and the value together) instead of <c>IsDBNull</c> + <c>GetFieldValue</c>:
    /// on SQLite each of those is several native calls per value, and they were most of an export's time. What
    /// <c>GetValue</c> returns is used when it already is the provider type, or is SQLite's storage of it (INTEGER for
    /// int and bool, TEXT yyyy-MM-dd for a date); anything else goes through <c>GetFieldValue</c> as EF Core would.
    /// </summary>
    private static object? Typed<T>(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DBNull => null,
        T value => value,
        long l when typeof(T) == typeof(int) => checked((int)l),
        long l when typeof(T) == typeof(bool) => l != 0,
        string s when typeof(T) == typeof(DateOnly) && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date) => date,
        _ => reader.GetFieldValue<T>(ordinal),
    };
}
