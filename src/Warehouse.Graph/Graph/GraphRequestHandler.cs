using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Warehouse.Graph.Pipeline;
using Warehouse.Http;
using Warehouse.Limits;
using Warehouse.Observability;
using Warehouse.Querying;

namespace Warehouse.Graph;

/// <summary>
/// GraphQL over HTTP: reads the request, hands each step to its collaborator (persisted documents, caller, the
/// document cache and its validation rules, the deadline, the audit) and maps what comes back to a status. Every
/// failure has a code and the status the spec gives; never a 500. Request errors (nothing ran) are 400 for
/// application/graphql-response+json and 200 for application/json, as GraphQL-over-HTTP says.
/// </summary>
internal sealed class GraphRequestHandler(IGraphQLTextSerializer serializer, LimitsOptions limits, ObservabilityOptions observability,
    ILogger<GraphRequestHandler> logger, PersistedDocumentResolver documents, RequestCaller caller, DocumentCache cache,
    ExecutionOptionsBuilder options, DeadlineExecution deadline, ResponseAudit audit)
{
    /// <summary>Logged when an execution that ran past its limit really stops (see <see cref="DeadlineExecution"/>).</summary>
    public static EventId LateExecutionEnded => DeadlineExecution.LateExecutionEnded;

    public async Task HandleAsync(HttpContext http)
    {
        using var activity = WarehouseTelemetry.Traces.StartActivity("graphql");
        http.Items[typeof(RequestTrace)] = new RequestTrace();
        http.Items[typeof(Stopwatch)] = Stopwatch.StartNew();
        var mediaType = GraphQLHttpEndpoint.Negotiate(http.Request);
        if (mediaType is null)
        {
            await WriteError(http, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept {GraphQLHttpEndpoint.GraphQLResponseJson} or application/json.", "application/json");
            return;
        }
        try
        {
            await ExecuteAsync(http, mediaType);
        }
        catch (BadRequest e)
        {
            await WriteError(http, e.Status, e.Code, e.Message, mediaType);
        }
        catch (AuditUnavailableException e)
        {
            await WriteError(http, StatusCodes.Status503ServiceUnavailable, ErrorCodes.AuditUnavailable, e.Message, mediaType);
        }
        catch (Exception e) when (!http.Response.HasStarted && DatabaseFaults.Classify(e) is { } fault)
        {
            logger.LogError(e, "Database fault {Code}", fault.Code);
            await WriteError(http, StatusCodes.Status503ServiceUnavailable, fault.Code, fault.Message, mediaType);
        }
    }

    private async Task ExecuteAsync(HttpContext http, string mediaType)
    {
        var aborted = http.RequestAborted;
        var request = await HttpRequestReader.ReadAsync(http.Request, serializer, limits.MaxBodyBytes, aborted);
        var persistedId = await documents.ResolveAsync(request, aborted);
        var parsed = string.IsNullOrEmpty(request.Query) ? null : cache.Parse(request.Query);
        if (HttpMethods.IsGet(http.Request.Method) && parsed?.IsMutation(request.OperationName) == true)
        {
            // GET must not change anything (GraphQL-over-HTTP: 405 for mutations over GET).
            http.Response.Headers.Allow = "POST";
            throw new BadRequest("MUTATION_OVER_GET", "Mutations must be sent with POST, not GET.", StatusCodes.Status405MethodNotAllowed);
        }
        var (access, key, schema) = await caller.ResolveAsync(http, persistedId, aborted);
        if (parsed?.Refusal is { } refusal)
        {
            await Write(http, new ExecutionResult { Errors = [refusal] }, RequestErrorStatus(mediaType), mediaType);
            return;
        }
        var trace = Trace(http);
        trace.UserId = access.UserId;
        trace.Role = access.RoleName;
        trace.DocumentHash = Hash(request.Query);
        trace.Operation = request.OperationName;
        var context = new GraphRequestContext(access, trace);
        var prepared = parsed is null
            ? new Preparation(null, [])
            : await cache.PrepareAsync(parsed, schema, key, request.OperationName, context, http.RequestServices, aborted);
        if (prepared.Errors is { } refused)
        {
            await Write(http, new ExecutionResult { Errors = refused }, RequestErrorStatus(mediaType), mediaType);
            return;
        }
        var roleLimits = limits.For(access.RoleName);
        var execution = options.Build(schema, request, prepared, context, http.RequestServices);
        if (await deadline.RunAsync(execution, TimeSpan.FromSeconds(roleLimits.TimeoutSeconds), Started(http), aborted) is not { } result)
        {
            await WriteError(http, StatusCodes.Status504GatewayTimeout, LimitErrors.Timeout,
                $"The request ran longer than {roleLimits.TimeoutSeconds} s and was cancelled, database command included.", mediaType);
            return;
        }
        result = await audit.RecordAsync(result, context, request.OperationName, Hash(request.Query), aborted);
        // A request error is one where nothing ran: not executed, or refused as a whole (no mutation type for this role).
        var requestError = !result.Executed || result.Data is null && result.Errors?.All(e => e.Code is "INVALID_OPERATION") == true;
        var status = requestError ? RequestErrorStatus(mediaType)
            : result.Data is null && result.Errors?.Any(e => e.Code is ErrorCodes.DatabaseUnavailable or ErrorCodes.ReplicaUnavailable) == true
                ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK;
        await Write(http, result, status, mediaType);
    }

    private static int RequestErrorStatus(string mediaType) =>
        mediaType == GraphQLHttpEndpoint.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;

    private async Task Write(HttpContext http, ExecutionResult result, int status, string mediaType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var trace = Trace(http);
        trace.Operation ??= result.Operation?.Name?.StringValue;
        trace.Complete(http, result, status, logger, observability.RequestLog);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static Stopwatch Started(HttpContext http) =>
        http.Items.TryGetValue(typeof(Stopwatch), out var s) && s is Stopwatch clock ? clock : Stopwatch.StartNew();

    private static RequestTrace Trace(HttpContext http) =>
        http.Items.TryGetValue(typeof(RequestTrace), out var t) && t is RequestTrace trace ? trace : new RequestTrace();

    private Task WriteError(HttpContext http, int status, string code, string message, string mediaType) =>
        Write(http, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, status, mediaType);

    private static string? Hash(string? query) =>
        query is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
}
