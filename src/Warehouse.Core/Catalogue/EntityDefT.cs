namespace Warehouse.Catalogue;

/// <summary>A catalogue entity bound to its CLR row type.</summary>
internal sealed class EntityDef<T> : EntityDef where T : class, new()
{
    internal EntityDef(string typeName, string listField, string lookupField, string view, string label,
        string description, RowScope scope, bool exposed)
        : base(typeName, listField, lookupField, view, label, description, scope, exposed)
    {
    }

    public override Type ClrType => typeof(T);

    internal override TResult Accept<TResult>(IEntityVisitor<TResult> visitor) => visitor.Visit(this);
}
