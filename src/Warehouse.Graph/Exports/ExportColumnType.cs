using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// The type a feed column has for one reader: the field's logical type, or text when any of its values may come
/// out masked (masked for the role, or a maskable field on a minor's row the role reads masked), because a masked
/// value is text whatever the field's type (<c>1985-**-**</c>). One decision for <c>.schema.json</c> and the
/// Parquet schema, so a typed reader and the typed file never disagree.
/// </summary>
internal sealed record ExportColumnType(string Type, bool Nullable, bool Masked)
{
    public static ExportColumnType Of(ExportColumn column, EntityDef entity, AccessContext access)
    {
        var field = column.Field;
        var masked = access.GrantFor(field).Access == Access.Masked;
        // On a minor's row the role reads masked, a field with a mask is masked text and one without is withheld (null).
        var shadowed = MinorRecords.Shadows(field, access);
        var text = masked || shadowed && field.Mask != MaskKind.None;
        // The key never is null; a field reached through a reference is null when no related row is in scope.
        var nullable = column.Relation is not null || !ReferenceEquals(field, entity.Key) && (field.IsNullable || masked || shadowed);
        return new ExportColumnType(text ? "string" : TypeOf(field.Kind), nullable, text);
    }

    /// <summary>The feed's logical type: what CSV text or JSON value a column holds.</summary>
    public static string TypeOf(FieldKind kind) => kind switch
    {
        FieldKind.Money => "decimal(18,2)",
        FieldKind.Int => "integer",
        FieldKind.Date => "date",
        FieldKind.Timestamp => "timestamp",
        FieldKind.Boolean => "boolean",
        FieldKind.StringList => "string[]",
        _ => "string",
    };

    /// <summary>For <c>read_csv(..., types = {...})</c>: a list is one ';'-joined text field in CSV.</summary>
    public string DuckDb => Type switch
    {
        "decimal(18,2)" => "DECIMAL(18,2)",
        "integer" => "BIGINT",
        "date" => "DATE",
        // ISO 8601 with Z: DuckDB reads it as TIMESTAMPTZ (the instant, in UTC).
        "timestamp" => "TIMESTAMPTZ",
        "boolean" => "BOOLEAN",
        _ => "VARCHAR",
    };

    /// <summary>The column's physical/logical type in the Parquet feed (what <see cref="ParquetExportWriter"/> writes).</summary>
    public string Parquet => Type switch
    {
        "decimal(18,2)" => "INT64 DECIMAL(18,2)",
        "integer" => "INT32",
        "date" => "INT32 DATE",
        "timestamp" => "INT64 TIMESTAMP(MILLIS, UTC)",
        "boolean" => "BOOLEAN",
        "string[]" => "LIST<BYTE_ARRAY STRING>",
        _ => "BYTE_ARRAY STRING",
    };
}
