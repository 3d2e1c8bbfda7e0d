using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Security;

namespace Warehouse.Querying;

/// <summary>
/// The only way the query layer reaches a view: every queryable it hands out is already limited to the
/// reader's row scope. Relation filters and related sort keys embed these scoped roots as subqueries.
/// </summary>
public sealed class QuerySources(WarehouseDbContext db, AccessContext access, bool aggregating = false)
{
    /// <summary>Reads for aggregates: rows that are countable but not readable one by one (minors' records) are included.</summary>
    public bool Aggregating { get; } = aggregating;

    public WarehouseDbContext Db { get; } = db;
    public AccessContext Access { get; } = access;

    /// <summary>Rows of <paramref name="entity"/> the reader may see.</summary>
    public IQueryable<T> Scoped<T>(EntityDef<T> entity) where T : class, new() =>
        Db.Set<T>().Where(ScopeRules.Predicate(entity, Access, forRows: !Aggregating));

    /// <summary>The same, as an expression to embed in another query (relation filters, related sort keys).</summary>
    public Expression ScopedRoot(EntityDef entity) => entity.Accept(new RootVisitor(this));

    private sealed class RootVisitor(QuerySources sources) : IEntityVisitor<Expression>
    {
        public Expression Visit<T>(EntityDef<T> entity) where T : class, new() => sources.Scoped(entity).Expression;
    }
}
