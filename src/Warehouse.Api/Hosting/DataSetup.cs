using Microsoft.EntityFrameworkCore;
using Warehouse.Configuration;
using Warehouse.Data;
using Warehouse.Http;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Api.Hosting;

/// <summary>Database, query engine and security stores.</summary>
internal static class DataSetup
{
    public static WebApplicationBuilder AddWarehouseData(this WebApplicationBuilder builder)
    {
        var database = DatabaseConfiguration.Read(builder.Configuration).ResolvePaths(builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(database);
        builder.Services.AddPooledDbContextFactory<WarehouseDbContext>(o => DbContextFactory.Configure(o, database));
        AddReadContexts(builder, database);
        var paging = builder.Configuration.GetSection("Warehouse:Paging").Get<PagingOptions>() ?? new PagingOptions();
        builder.Services.AddSingleton(paging);
        builder.Services.AddSingleton(new CursorCodec(string.IsNullOrEmpty(paging.CursorSecret)
            ? SecretFile.ReadOrCreate(Path.Combine(builder.Environment.ContentRootPath, "data", "cursor.key"))
            : Convert.FromBase64String(paging.CursorSecret)));
        builder.Services.AddSingleton<QueryEngine>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Warehouse:Aggregation").Get<Warehouse.Aggregation.AggregationOptions>()
            ?? new Warehouse.Aggregation.AggregationOptions());
        builder.Services.AddSingleton<Warehouse.Aggregation.AggregateEngine>();
        builder.Services.AddSingleton<PermissionStore>();
        builder.Services.AddSingleton<AssignmentStore>();
        builder.Services.AddSingleton<RegionDirectory>();
        // The one clock of the request path (the minors rule, audit times): tests replace it to set the date.
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditWriter>();
        // Pseudonyms of personal filter values in audit records: one key for every instance, or a key file.
        var redactionKey = builder.Configuration["Warehouse:Audit:RedactionKey"];
        builder.Services.AddSingleton(new AuditRedaction(string.IsNullOrEmpty(redactionKey)
            ? SecretFile.ReadOrCreate(Path.Combine(builder.Environment.ContentRootPath, "data", "audit-redaction.key"))
            : Convert.FromBase64String(redactionKey)));
        return builder;
    }

    /// <summary>
    /// Where data reads go (<see cref="ReadContexts"/>): the read replicas when <c>ConnectionStrings:WarehouseRead…</c>
    /// name some (each gets a context pool of its own there); the primary's pool otherwise.
    /// </summary>
    private static void AddReadContexts(WebApplicationBuilder builder, DatabaseOptions database)
    {
        var (replicas, use) = DatabaseConfiguration.ReadReplicas(builder.Configuration, database);
        var root = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => new ReadContexts(sp.GetRequiredService<IDbContextFactory<WarehouseDbContext>>(),
            [.. replicas.Select(r => new ReadReplica(r.Name, r.Options.ResolvePaths(root)))], use, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReadContexts>>()));
    }
}
