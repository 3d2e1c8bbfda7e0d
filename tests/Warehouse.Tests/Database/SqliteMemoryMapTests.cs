using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>The server's SQLite connections read the data file through a memory map of the configured size; the audit file is not mapped.</summary>
public sealed class SqliteMemoryMapTests
{
    [Theory]
    [InlineData(null, 256L * 1024 * 1024)]
    [InlineData("64", 64L * 1024 * 1024)]
    [InlineData("0", 0L)]
    public async Task Every_pooled_connection_maps_the_data_file_as_configured(string? megabytes, long expected)
    {
        using var app = megabytes is null ? new WarehouseApp() : new WarehouseApp(("Warehouse:SqliteMmapMegabytes", megabytes));
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WarehouseDbContext>>();
        // Twice: the second context gets a pooled handle that was set up once and must still carry the setting.
        for (var round = 0; round < 2; round++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(expected, await Pragma(db, "main.mmap_size"));
            Assert.Equal(0L, await Pragma(db, "audit.mmap_size"));
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> Pragma(WarehouseDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
