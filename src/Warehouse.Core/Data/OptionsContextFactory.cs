using Microsoft.EntityFrameworkCore;

namespace Warehouse.Data;

/// <summary>A context factory outside dependency injection (the CLI), configured like the server's.</summary>
public sealed class OptionsContextFactory(DatabaseOptions options) : IDbContextFactory<WarehouseDbContext>
{
    public WarehouseDbContext CreateDbContext() => DbContextFactory.Create(options);
}
