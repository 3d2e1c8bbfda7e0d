namespace Warehouse.Querying;

/// <summary>
/// Wraps a value so the expression tree reads it through a member access. EF Core turns such accesses into SQL
/// parameters, so one query shape is compiled once and reused whatever the values.
/// </summary>
internal sealed class ValueHolder<T>(T value)
{
    public T Value { get; } = value;
}
