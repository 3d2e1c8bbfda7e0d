using System.Linq.Expressions;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Security;

namespace Warehouse.Querying;

/// <summary>
/// The only way the query layer reaches a view: every queryable it hands out is already limited to the
/// reader's row scope. Relation filters and related sort keys embed these scoped roots as subqueries.
/// </summary>
internal sealed class QuerySources(WarehouseDbContext db, AccessContext access)
{
    public WarehouseDbContext Db { get; } = db;
    public AccessContext Access { get; } = access;

    /// <summary>Rows of <paramref name="entity"/> the reader may see.</summary>
    public IQueryable<T> Scoped<T>(EntityDef<T> entity) where T : class, new() =>
        Db.Set<T>().Where(ScopeRules.Predicate(entity, Access));

    /// <summary>
    /// The rows an aggregate counts: the reader's region including the records it may count but not read one by one
    /// (minors' records for the county). Only the aggregate's own rows: relation filters inside the aggregate's
    /// <c>where</c> still go through <see cref="ScopedRoot"/> and follow the row rules, exactly as in lists.
    /// </summary>
    public IQueryable<T> AggregateRows<T>(EntityDef<T> entity) where T : class, new() =>
        Db.Set<T>().Where(ScopeRules.Predicate(entity, Access, forRows: false));

    /// <summary>The same, as an expression to embed in another query (relation filters, related sort keys).</summary>
    public Expression ScopedRoot(EntityDef entity) => entity.Accept(new RootVisitor(this));

    private sealed class RootVisitor(QuerySources sources) : IEntityVisitor<Expression>
    {
        public Expression Visit<T>(EntityDef<T> entity) where T : class, new() => sources.Scoped(entity).Expression;
    }
}
