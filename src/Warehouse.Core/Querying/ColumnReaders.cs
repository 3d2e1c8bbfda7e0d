using System.Data.Common;
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

    private static object? Typed<T>(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
