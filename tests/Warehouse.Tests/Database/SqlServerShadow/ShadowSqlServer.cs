#pragma warning disable EF1001 // EntityQueryRootExpression and IQueryCompiler are EF Core internals; this test pins EF's version with the product.
using System.Collections;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;
using Warehouse.Data;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>
/// A SQL Server twin of the running (SQLite) application. Every LINQ query the application executes is compiled a
/// second time, unchanged, by a <see cref="WarehouseDbContext"/> on EF Core's SQL Server provider — the model the
/// product builds for SQL Server (api/sec schemas, varchar columns) — and every SaveChanges is replayed on it.
/// Nothing reaches a server (<see cref="NoServerInterceptor"/>): the commands are recorded instead. A query the SQL
/// Server provider cannot translate, or that produces no command, is recorded as a failure.
/// </summary>
internal sealed class ShadowSqlServer
{
    /// <summary>The twin the application's contexts report to (the test sets it; null: nothing is shadowed).</summary>
    public static volatile ShadowSqlServer? Current;

    private static readonly MethodInfo ExecuteMethod = typeof(IQueryCompiler).GetMethod(nameof(IQueryCompiler.Execute))!;

    private readonly object _gate = new();
    private readonly DbContextOptions<WarehouseDbContext> _options;
    private readonly List<CapturedStatement> _statements = [];
    private readonly List<string> _failures = [];
    private string _origin = "";

    public ShadowSqlServer()
    {
        var builder = new DbContextOptionsBuilder<WarehouseDbContext>();
        // The product's own configuration for SQL Server; the server name is never resolved.
        DbContextFactory.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=none.invalid;Database=warehouse;Integrated Security=false;User ID=none;Password=none;Encrypt=true",
        });
        builder.AddInterceptors(new NoServerInterceptor(this));
        _options = builder.Options;
    }

    /// <summary>A context on the SQL Server model with no server behind it.</summary>
    public WarehouseDbContext CreateContext() => new(_options);

    public IReadOnlyList<CapturedStatement> Statements
    {
        get
        {
            lock (_gate)
            {
                return [.. _statements];
            }
        }
    }

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>What the test is driving now (a GraphQL document, an export); recorded with each statement.</summary>
    public string Origin
    {
        get => _origin;
        set => _origin = value;
    }

    internal void Record(DbCommand command)
    {
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p =>
                $"{p.ParameterName} {p.DbType} = " +
                $"{(p.Value is null or DBNull ? "NULL" : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))}")
            .ToList();
        lock (_gate)
        {
            _statements.Add(new CapturedStatement(command.CommandText, parameters, _origin));
        }
    }

    /// <summary>
    /// Compiles and runs <paramref name="expression"/> (as the application's provider received it) on the SQL Server
    /// context. Async result types are run through the synchronous API: the SQL is the same, and no I/O happens.
    /// </summary>
    public void Query(Expression expression, Type resultType, bool async)
    {
        var syncType = async ? SyncType(resultType) : resultType;
        lock (_gate)
        {
            var before = _statements.Count;
            using var db = CreateContext();
            Exception? error = null;
            try
            {
                var rebound = new RootRebinder(db).Visit(expression);
                var compiler = db.GetService<IQueryCompiler>();
                var result = ExecuteMethod.MakeGenericMethod(syncType).Invoke(compiler, [rebound]);
                if (result is IEnumerable rows and not string)
                {
                    var e = rows.GetEnumerator();
                    e.MoveNext();
                    (e as IDisposable)?.Dispose();
                }
            }
            catch (Exception e)
            {
                error = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            }
            if (_statements.Count == before)
            {
                // Empty results make First/Single throw after the command ran; without a command the provider failed.
                _failures.Add(
                    $"{_origin}: the SQL Server provider produced no statement for " +
                    $"{expression}{(error is null ? "" : $": {error.GetType().Name}: {error.Message}")}");
            }
        }
    }

    /// <summary>Replays the pending changes of an application context (audit records, admin writes) on the SQL Server context.</summary>
    public void Save(DbContext source)
    {
        var pending = source.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            var before = _statements.Count;
            using var db = CreateContext();
            Exception? error = null;
            try
            {
                foreach (var entry in pending)
                {
                    Copy(entry, db);
                }
                db.SaveChanges();
            }
            catch (Exception e)
            {
                // An inert server returns no rows: EF reports the missing generated keys or row counts after sending.
                error = e;
            }
            if (_statements.Count == before)
            {
                _failures.Add(
                    $"{_origin}: SaveChanges of {string.Join(", ", pending.Select(p => $"{p.State} {p.Metadata.ClrType.Name}"))} produced no " +
                    $"statement{(error is null ? "" : $": {error.Message}")}");
            }
        }
    }

    private static void Copy(EntityEntry entry, WarehouseDbContext db)
    {
        switch (entry.State)
        {
            case EntityState.Added:
            {
                var clone = entry.CurrentValues.ToObject();
                foreach (var p in entry.Properties.Where(p => p.IsTemporary))
                {
                    // A key SQLite would generate: left at its default so SQL Server's IDENTITY generates it.
                    p.Metadata.PropertyInfo!.SetValue(clone, p.Metadata.ClrType.IsValueType ? Activator.CreateInstance(p.Metadata.ClrType) : null);
                }
                db.Add(clone);
                break;
            }
            case EntityState.Modified:
            {
                var copy = db.Attach(entry.OriginalValues.ToObject());
                foreach (var p in entry.Properties.Where(p => p.IsModified))
                {
                    var target = copy.Property(p.Metadata.Name);
                    target.CurrentValue = p.CurrentValue;
                    target.IsModified = true;
                }
                break;
            }
            case EntityState.Deleted:
                db.Attach(entry.OriginalValues.ToObject()).State = EntityState.Deleted;
                break;
        }
    }

    private static Type SyncType(Type asyncType)
    {
        if (asyncType.IsGenericType && asyncType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return asyncType.GetGenericArguments()[0];
        }
        if (asyncType.IsGenericType && asyncType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return typeof(IEnumerable<>).MakeGenericType(asyncType.GetGenericArguments()[0]);
        }
        throw new NotSupportedException($"No synchronous twin for {asyncType}.");
    }

    /// <summary>Points the query's roots (DbSets of the SQLite model) at the same entity types of the SQL Server model.</summary>
    private sealed class RootRebinder(WarehouseDbContext db) : ExpressionVisitor
    {
        private readonly IAsyncQueryProvider _provider = db.GetService<IAsyncQueryProvider>();

        /// <summary>
        /// A queryable captured in a closure (a named measure's subquery over another view) belongs to the application's
        /// context: it is inlined here as its expression, rebound like the rest, as EF itself inlines it.
        /// </summary>
        protected override Expression VisitMember(MemberExpression node)
        {
            if (typeof(IQueryable).IsAssignableFrom(node.Type) && IsClosure(node.Expression)
                && Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile()() is IQueryable { Provider: IAsyncQueryProvider } q)
            {
                return Visit(q.Expression);
            }
            return base.VisitMember(node);
        }

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Value is IQueryable { Provider: IAsyncQueryProvider } q && q.Expression != node ? Visit(q.Expression) : base.VisitConstant(node);

        private static bool IsClosure(Expression? e) => e switch
        {
            null => true,
            ConstantExpression => true,
            MemberExpression m => IsClosure(m.Expression),
            _ => false,
        };

        protected override Expression VisitExtension(Expression node) => node switch
        {
            EntityQueryRootExpression root => new EntityQueryRootExpression(_provider,
                db.Model.FindEntityType(root.EntityType.Name) ?? throw new InvalidOperationException(
                    $"{root.EntityType.Name} is not in the SQL Server model.")),
            QueryRootExpression other => throw new NotSupportedException($"Query root {other.GetType().Name} is not rebound to SQL Server."),
            _ => base.VisitExtension(node),
        };
    }
}
