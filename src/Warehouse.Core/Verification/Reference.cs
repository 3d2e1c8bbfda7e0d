using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>A column of one view whose non-null values must be found in a column of another view (see <see cref="Contract.References"/>).</summary>
/// <param name="From">The referencing entity.</param>
/// <param name="FromField">Its referencing field.</param>
/// <param name="To">The referenced entity.</param>
/// <param name="ToField">The field the values must be found in.</param>
/// <param name="Relation">The first relation that relies on it (Type.field), for the report.</param>
internal sealed record Reference(EntityDef From, FieldDef FromField, EntityDef To, FieldDef ToField, string Relation);
