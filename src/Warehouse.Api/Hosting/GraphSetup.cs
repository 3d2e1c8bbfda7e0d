using GraphQL;
using GraphQL.SystemTextJson;
using Warehouse.Api.Graph;
using Warehouse.Api.Security;

namespace Warehouse.Api.Hosting;

/// <summary>The GraphQL engine, per-role schemas and the HTTP transport's services.</summary>
public static class GraphSetup
{
    public static WebApplicationBuilder AddWarehouseGraph(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        // Chinese text is written as UTF-8, not as \u escapes, so responses stay readable and small.
        builder.Services.AddSingleton<IGraphQLTextSerializer>(new GraphQLSerializer(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        builder.Services.AddSingleton<SchemaCache>();
        foreach (var contributor in SchemaContributors.All)
        {
            builder.Services.AddSingleton(contributor);
        }
        builder.Services.AddSingleton<Warehouse.Security.PermissionAdmin>();
        builder.Services.AddSingleton<AccessResolver>();
        builder.Services.AddSingleton<GraphRequestHandler>();
        builder.Services.AddSingleton<PersistedDocuments.PersistedDocumentStore>();
        builder.Services.AddSingleton<PersistedDocuments.AutomaticPersistedQueries>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(PersistedDocuments.PersistedDocumentOptions.Section).Get<PersistedDocuments.PersistedDocumentOptions>() ?? new PersistedDocuments.PersistedDocumentOptions());
        builder.Services.AddSingleton(builder.Configuration.GetSection(Limits.LimitsOptions.Section).Get<Limits.LimitsOptions>() ?? new Limits.LimitsOptions());
        return builder;
    }
}
