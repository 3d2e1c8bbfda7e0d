#pragma warning disable EF1001 // EntityQueryProvider is an EF Core internal; see ShadowSqlServer.
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query.Internal;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>
/// The application's query provider with one addition: before a query runs on SQLite, the same expression goes to
/// <see cref="ShadowSqlServer.Current"/>. Installed with ReplaceService on the application's context options.
/// </summary>
internal sealed class ShadowQueryProvider(IQueryCompiler compiler) : EntityQueryProvider(compiler)
{
    public override TResult Execute<TResult>(Expression expression)
    {
        ShadowSqlServer.Current?.Query(expression, typeof(TResult), async: false);
        return base.Execute<TResult>(expression);
    }

    public override TResult ExecuteAsync<TResult>(Expression expression, CancellationToken cancellationToken = default)
    {
        ShadowSqlServer.Current?.Query(expression, typeof(TResult), async: true);
        return base.ExecuteAsync<TResult>(expression, cancellationToken);
    }
}
