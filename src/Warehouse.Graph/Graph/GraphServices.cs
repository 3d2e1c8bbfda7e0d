using GraphQL;
using GraphQL.Execution;
using GraphQL.PersistedDocuments;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using Warehouse.Graph.Pipeline;
using Warehouse.Limits;
using Warehouse.PersistedDocuments;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// The GraphQL engine, per-role schemas and the request pipeline's services, registered by the assembly that owns
/// them so that the pipeline's steps stay internal to it; the host only calls this.
/// </summary>
public static class GraphServices
{
    /// <returns>The limits read from configuration (the host sizes Kestrel's request line by them).</returns>
    public static LimitsOptions AddWarehouseGraph(this IServiceCollection services, IConfiguration configuration)
    {
        // The library's strategies, each with a deadline check where it builds child nodes (see DeadlineQueryStrategy).
        services.AddSingleton<IDocumentExecuter>(new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(),
            new DefaultExecutionStrategySelector([
                new ExecutionStrategyRegistration(new DeadlineQueryStrategy(), GraphQLParser.AST.OperationType.Query),
                new ExecutionStrategyRegistration(new DeadlineMutationStrategy(), GraphQLParser.AST.OperationType.Mutation),
            ]), []));
        // Chinese text is written as UTF-8, not as \u escapes, so responses stay readable and small.
        services.AddSingleton<IGraphQLTextSerializer>(new GraphQLSerializer(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        services.AddSingleton<SchemaCache>();
        foreach (var contributor in SchemaContributors.All)
        {
            services.AddSingleton(contributor);
        }
        services.AddSingleton<PermissionAdmin>();
        services.AddSingleton<AccessResolver>();
        services.AddSingleton<GraphRequestHandler>();
        // The request pipeline's steps (Graph/Pipeline): each one collaborator of the handler.
        services.AddSingleton<IDocumentValidator, DocumentValidator>();
        services.AddSingleton<ValidationRuleSets>();
        services.AddSingleton(configuration.GetSection(DocumentCacheOptions.Section).Get<DocumentCacheOptions>() ?? new DocumentCacheOptions());
        services.AddSingleton<DocumentCache>();
        services.AddHostedService<DocumentCacheWarmer>();
        services.AddSingleton<PersistedDocumentResolver>();
        services.AddSingleton<RequestCaller>();
        services.AddSingleton<ExecutionOptionsBuilder>();
        services.AddSingleton<DeadlineExecution>();
        services.AddSingleton<ResponseAudit>();
        services.AddSingleton<PersistedDocumentStore>();
        services.AddSingleton<IPersistedDocumentLoader, RegisteredDocumentLoader>();
        services.AddSingleton<AutomaticPersistedQueries>();
        services.AddSingleton(configuration.GetSection(Warehouse.PersistedDocuments.PersistedDocumentOptions.Section)
            .Get<Warehouse.PersistedDocuments.PersistedDocumentOptions>() ?? new Warehouse.PersistedDocuments.PersistedDocumentOptions());
        var limits = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        services.AddSingleton(limits);
        return limits;
    }
}
