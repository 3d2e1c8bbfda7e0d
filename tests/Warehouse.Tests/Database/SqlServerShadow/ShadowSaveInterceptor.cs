using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>Replays each SaveChanges of the application's contexts on <see cref="ShadowSqlServer.Current"/> before it runs on SQLite.</summary>
internal sealed class ShadowSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            ShadowSqlServer.Current?.Save(context);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            ShadowSqlServer.Current?.Save(context);
        }
        return ValueTask.FromResult(result);
    }
}
