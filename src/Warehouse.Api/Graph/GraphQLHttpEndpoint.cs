using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Warehouse.Api.Security;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Api.Graph;

/// <summary>
/// GraphQL over HTTP at /graphql (POST and GET), per the GraphQL-over-HTTP spec: media-type negotiation,
/// status codes, coded errors. Executes against the caller's role schema, then writes the audit records before
/// any data leaves; if they cannot be written, no data is returned.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder app)
    {
        app.MapPost("/graphql", Handle).RequireAuthorization();
        app.MapGet("/graphql", Handle).RequireAuthorization();
        return app;
    }

    private static async Task Handle(HttpContext http, IDocumentExecuter executer, IGraphQLTextSerializer serializer,
        AccessResolver resolver, SchemaCache schemas, AuditWriter audit, ILoggerFactory loggers)
    {
        try
        {
            await Execute(http, executer, serializer, resolver, schemas, audit, loggers);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is System.Data.Common.DbException or TimeoutException
                                  or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            loggers.CreateLogger("Warehouse.GraphQL").LogError(e, "Database unavailable");
            await WriteError(http, serializer, StatusCodes.Status503ServiceUnavailable, ErrorCodes.DatabaseUnavailable,
                "The database is unavailable; try again shortly.", Negotiate(http.Request) ?? "application/json");
        }
    }

    private static async Task Execute(HttpContext http, IDocumentExecuter executer, IGraphQLTextSerializer serializer,
        AccessResolver resolver, SchemaCache schemas, AuditWriter audit, ILoggerFactory loggers)
    {
        var ct = http.RequestAborted;
        var mediaType = Negotiate(http.Request);
        if (mediaType is null)
        {
            await WriteError(http, serializer, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", $"Accept {GraphQLResponseJson} or application/json.", "application/json");
            return;
        }
        GraphQLRequest request;
        try
        {
            request = await HttpRequestReader.ReadAsync(http.Request, serializer, ct);
        }
        catch (BadRequest e)
        {
            await WriteError(http, serializer, e.Status, e.Code, e.Message, mediaType);
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method) && IsMutation(request))
        {
            // GET must not change anything (GraphQL-over-HTTP: 405 for mutations over GET).
            http.Response.Headers.Allow = "POST";
            await WriteError(http, serializer, StatusCodes.Status405MethodNotAllowed, "MUTATION_OVER_GET", "Mutations must be sent with POST, not GET.", mediaType);
            return;
        }
        var resolution = await resolver.ResolveAsync(http.User, ct);
        if (resolution.Access is not { } access)
        {
            await WriteError(http, serializer, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, resolution.Reason!, mediaType);
            return;
        }
        var logger = loggers.CreateLogger("Warehouse.GraphQL");
        var context = new GraphRequestContext(access);
        var schema = schemas.Get(new SchemaKey(access.DataRole, access.IsAdmin, access.Permissions.Version), access.Permissions);
        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.UserContext = context;
            options.RequestServices = http.RequestServices;
            options.CancellationToken = ct;
            options.UnhandledExceptionDelegate = c => ErrorPolicy.OnUnhandled(c, logger);
        });
        ErrorPolicy.RewordHidden(result, access);
        if (result.Executed && result.Data is not null && !context.Audit.IsEmpty)
        {
            try
            {
                await audit.WriteAsync(access, context.Audit, AuditKinds.DataAccess, request.OperationName ?? OperationName(result), Hash(request.Query), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Audit trail could not be written; no data returned");
                await WriteError(http, serializer, StatusCodes.Status503ServiceUnavailable, ErrorCodes.AuditUnavailable,
                    "The audit trail cannot be written, so no data is returned; try again shortly.", mediaType);
                return;
            }
        }
        var status = !result.Executed && mediaType == GraphQLResponseJson ? StatusCodes.Status400BadRequest
            : result.Data is null && result.Errors?.Any(e => e.Code == ErrorCodes.DatabaseUnavailable) == true ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK;
        await Write(http, serializer, result, status, mediaType);
    }

    /// <summary>application/graphql-response+json when accepted (or */*); application/json when asked for or no Accept is sent.</summary>
    private static string? Negotiate(HttpRequest request)
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

    private static async Task Write(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result, int status, string mediaType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    internal static Task WriteError(HttpContext http, IGraphQLTextSerializer serializer, int status, string code, string message, string mediaType) =>
        Write(http, serializer, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, status, mediaType);

    private static bool IsMutation(GraphQLRequest request)
    {
        try
        {
            var operations = GraphQLParser.Parser.Parse(request.Query).Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var selected = request.OperationName is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return selected?.Operation == OperationType.Mutation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // the executor reports the syntax error
        }
    }

    private static string? OperationName(ExecutionResult result) => result.Operation?.Name?.StringValue;

    private static string? Hash(string? query) =>
        query is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
}
