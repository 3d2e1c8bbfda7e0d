using GraphQL;
using GraphQL.Execution;
using GraphQL.PersistedDocuments;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using Warehouse.Api.Graph.Pipeline;
using Warehouse.Api.Graph;
using Warehouse.Api.Security;

namespace Warehouse.Api.Hosting;

/// <summary>The GraphQL engine, per-role schemas and the HTTP transport's services.</summary>
public static class GraphSetup
{
    public static WebApplicationBuilder AddWarehouseGraph(this WebApplicationBuilder builder)
    {
        // The library's strategies, each with a deadline check where it builds child nodes (see DeadlineQueryStrategy).
        builder.Services.AddSingleton<IDocumentExecuter>(new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([
                new ExecutionStrategyRegistration(new DeadlineQueryStrategy(), GraphQLParser.AST.OperationType.Query),
                new ExecutionStrategyRegistration(new DeadlineMutationStrategy(), GraphQLParser.AST.OperationType.Mutation),
            ]), []));
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
        // The request pipeline's steps (Graph/Pipeline): each one collaborator of the handler.
        builder.Services.AddSingleton<IDocumentValidator, DocumentValidator>();
        builder.Services.AddSingleton<ValidationRuleSets>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(DocumentCacheOptions.Section).Get<DocumentCacheOptions>() ?? new DocumentCacheOptions());
        builder.Services.AddSingleton<DocumentCache>();
        builder.Services.AddHostedService<DocumentCacheWarmer>();
        builder.Services.AddSingleton<PersistedDocumentResolver>();
        builder.Services.AddSingleton<RequestCaller>();
        builder.Services.AddSingleton<ExecutionOptionsBuilder>();
        builder.Services.AddSingleton<DeadlineExecution>();
        builder.Services.AddSingleton<ResponseAudit>();
        builder.Services.AddSingleton<PersistedDocuments.PersistedDocumentStore>();
        builder.Services.AddSingleton<IPersistedDocumentLoader, PersistedDocuments.RegisteredDocumentLoader>();
        builder.Services.AddSingleton<PersistedDocuments.AutomaticPersistedQueries>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(PersistedDocuments.PersistedDocumentOptions.Section).Get<PersistedDocuments.PersistedDocumentOptions>() ?? new PersistedDocuments.PersistedDocumentOptions());
        var limits = builder.Configuration.GetSection(Limits.LimitsOptions.Section).Get<Limits.LimitsOptions>() ?? new Limits.LimitsOptions();
        builder.Services.AddSingleton(limits);
        // Kestrel refuses request lines over 8 KB itself, with an empty 414; a GET query string may be as long as a
        // POST body (MaxBodyBytes), so the line is allowed that much plus room for the path, and the API's own
        // coded 414 REQUEST_TOO_LARGE answers anything between.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, limits.MaxBodyBytes + 8 * 1024));
        return builder;
    }
}
