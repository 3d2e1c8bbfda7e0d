namespace Warehouse.Graph;

/// <summary>
/// GraphQL over HTTP at /graphql (POST and GET), per the GraphQL-over-HTTP spec. Every data request needs a
/// valid token; the work is done by <see cref="GraphRequestHandler"/>.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost("/graphql", (HttpContext http, GraphRequestHandler handler) => handler.HandleAsync(http)).RequireAuthorization()
            .RequireCors(Warehouse.Http.CorsPolicies.Clients);
        app.MapGet("/graphql", (HttpContext http, GraphRequestHandler handler) => handler.HandleAsync(http)).RequireAuthorization()
            .RequireCors(Warehouse.Http.CorsPolicies.Clients);
        return app;
    }

    /// <summary>application/graphql-response+json when accepted (or */*); application/json when asked for or no Accept is sent; null: 406.</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept))
        {
            return "application/json";
        }
        if (accept.Contains(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase) || accept.Contains("*/*", StringComparison.Ordinal))
        {
            return GraphQLResponseJson;
        }
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || accept.Contains("application/*", StringComparison.OrdinalIgnoreCase)
            ? "application/json" : null;
    }
}
