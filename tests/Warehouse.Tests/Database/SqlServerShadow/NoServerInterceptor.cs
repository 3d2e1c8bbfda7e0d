using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>
/// Keeps EF Core's SQL Server provider away from the network: connections are "opened" without opening them,
/// transactions are inert, and every command is an <see cref="InertCommand"/> that records what would be sent.
/// </summary>
internal sealed class NoServerInterceptor(ShadowSqlServer sink) : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        InterceptionResult<DbCommand>.SuppressWithResult(new InertCommand(sink));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result) => InterceptionResult<DbTransaction>.SuppressWithResult(new InertTransaction(connection));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new InertTransaction(connection)));
}
