using System.Linq.Expressions;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// One ORDER BY term: a path (for cursor signatures and errors), the value it sorts on, the direction, and whether
/// the value can be null (a nullable column, a related row's value, a minor's shadowed value), which decides where
/// <see cref="Ordering"/> must place nulls explicitly on engines that sort them last.
/// </summary>
/// <para>
/// <see cref="Field"/> is the field the value comes from (of the entity, or of a related one for an order through a
/// reference): its stored type mapping is how a plain row reader reads the sort value back (<see cref="PlainPageVisitor"/>).
/// </para>
internal sealed record SortKey(string Path, Expression Selector, bool Descending, bool CanBeNull = true, FieldDef? Field = null)
{
    public Type ValueType => Selector.Type;

    public SortKey Reversed() => this with { Descending = !Descending };
}
