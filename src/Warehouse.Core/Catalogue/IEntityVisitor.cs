namespace Warehouse.Catalogue;

/// <summary>Generic double dispatch over catalogue entities.</summary>
internal interface IEntityVisitor<out TResult>
{
    TResult Visit<T>(EntityDef<T> entity) where T : class, new();
}
