using Microsoft.EntityFrameworkCore;
using Warehouse.Data;

namespace Warehouse.Api.Health;

/// <summary>/healthz: the process answers. /readyz: the database answers too. Both open, no token needed.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (IDbContextFactory<WarehouseDbContext> contexts, CancellationToken ct) =>
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                return await db.Database.CanConnectAsync(ct) && await db.MatrixVersion.AnyAsync(ct)
                    ? Results.Text("ready")
                    : Results.Text("database not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return Results.Text("database unavailable: " + e.GetType().Name, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
