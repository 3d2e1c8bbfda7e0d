using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Warehouse.Data;

/// <summary>
/// The model differs per provider (view names, schemas); EF's default cache key is the context type only,
/// which would hand a SQLite model to a SQL Server context in a process that uses both (the integration tests).
/// </summary>
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}
