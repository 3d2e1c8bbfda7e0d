using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Warehouse.Api.Hosting;
using Warehouse.Api.Limits;
using Warehouse.Api.Observability;
using Warehouse.Api.PersistedDocuments;
using Warehouse.Observability;
using Warehouse.Api.Security;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Api.Graph;

/// <summary>
/// One GraphQL request: read it (within the size limit), refuse mutations over GET, resolve the caller, measure
/// the document against the role's limits, execute it against the role's schema with a timeout, and write the
/// audit records before any data leaves. Every failure has a code and the status the spec gives; never a 500.
/// </summary>
public sealed class GraphRequestHandler(IDocumentExecuter executer, IGraphQLTextSerializer serializer, AccessResolver resolver,
    SchemaCache schemas, AuditWriter audit, LimitsOptions limits, PagingOptions paging, PersistedDocumentStore documents,
    PersistedDocumentOptions persisted, AutomaticPersistedQueries automatic, ObservabilityOptions observability, IHostEnvironment environment, ILogger<GraphRequestHandler> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        using var activity = WarehouseTelemetry.Traces.StartActivity("graphql");
        http.Items[typeof(RequestTrace)] = new RequestTrace();
        http.Items[typeof(System.Diagnostics.Stopwatch)] = System.Diagnostics.Stopwatch.StartNew();
        var mediaType = GraphQLHttpEndpoint.Negotiate(http.Request);
        if (mediaType is null)
        {
            await WriteError(http, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE", $"Accept {GraphQLHttpEndpoint.GraphQLResponseJson} or application/json.", "application/json");
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
        var apqId = request.DocumentId is null ? PersistedHash(request.Extensions) : null;
        var persistedId = request.DocumentId ?? apqId;
        if (persistedId is not null)
        {
            if (!string.IsNullOrEmpty(request.Query) && PersistedDocumentStore.IdOf(request.Query) != persistedId)
            {
                throw new BadRequest("PERSISTED_DOCUMENT_MISMATCH", "The query text does not match the documentId; send one or the other.");
            }
            if (apqId is not null)
            {
                (request.Query, var registered) = await AutomaticQueryAsync(apqId, request.Query, aborted);
                // Only a registered document counts as persisted for allow-list mode; remembered text is raw text.
                persistedId = registered ? apqId : null;
            }
            else
            {
                try
                {
                    request.Query = await documents.LoadAsync(persistedId, aborted);
                }
                catch (QueryException e)
                {
                    throw new BadRequest(e.Code, e.Message);
                }
            }
        }
        var document = TryParse(request.Query, out var tooDeep);
        if (HttpMethods.IsGet(http.Request.Method) && IsMutation(document, request.OperationName))
        {
            // GET must not change anything (GraphQL-over-HTTP: 405 for mutations over GET).
            http.Response.Headers.Allow = "POST";
            throw new BadRequest("MUTATION_OVER_GET", "Mutations must be sent with POST, not GET.", StatusCodes.Status405MethodNotAllowed);
        }
        var resolution = await resolver.ResolveAsync(http.User, aborted);
        if (resolution.Access is not { } access)
        {
            throw new BadRequest(ErrorCodes.Forbidden, resolution.Reason!, StatusCodes.Status403Forbidden);
        }
        if (persisted.AllowOnlyPersisted && persistedId is null && !persisted.IsExempt(access.RoleName))
        {
            throw new BadRequest(PersistedDocumentStore.Required, "This server runs registered documents only: send documentId (sha256:<hex>) instead of query.");
        }
        var schema = schemas.Get(new SchemaKey(access.DataRole, access.IsAdmin, access.Permissions.Version), access.Permissions);
        var roleLimits = limits.For(access.RoleName);
        if (document is not null)
        {
            var metrics = QueryCost.Measure(document, schema, request.OperationName, request.Variables, roleLimits, paging.DefaultPageSize);
            var introspection = roleLimits.Introspection ?? !environment.IsProduction();
            if (LimitErrors.Check(metrics, roleLimits, introspection, access.RoleName) is { } broken)
            {
                await WriteError(http, mediaType == GraphQLHttpEndpoint.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, broken.Code, broken.Message, mediaType);
                return;
            }
        }
        else if (tooDeep)
        {
            // Not measurable, so not run: the executor's own parser would fail on it without a code.
            await WriteError(http, mediaType == GraphQLHttpEndpoint.GraphQLResponseJson ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
                LimitErrors.MaxDepth, $"The document nests deeper than {ParserMaxDepth} levels of syntax and is not run.", mediaType);
            return;
        }

        var trace = Trace(http);
        trace.UserId = access.UserId;
        trace.Role = access.RoleName;
        trace.DocumentHash = Hash(request.Query);
        trace.Operation = request.OperationName;
        var context = new GraphRequestContext(access, trace);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var allowed = TimeSpan.FromSeconds(roleLimits.TimeoutSeconds);
        // The limit counts from the request's arrival (reading, measuring and parsing included), not from execution.
        var clock = Started(http);
        timeout.CancelAfter(allowed - clock.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        // The deadline holds in two ways. The token stops the work: GraphQL.NET checks it between fields and the
        // SQLite interceptor turns it into sqlite3_interrupt for a statement that is stepping. And the answer does
        // not wait for the work to notice: execution runs on the thread pool (validation and resolvers may be
        // synchronous, CPU-bound code that never looks at the token), and when the limit plus a short grace has
        // passed the 504 is sent while the abandoned execution winds down on its own. The clock check below also
        // catches a request that finished after its time: its data is not sent either.
        var execution = Task.Run(() => executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.UserContext = context;
            options.RequestServices = http.RequestServices;
            options.CancellationToken = timeout.Token;
            options.UnhandledExceptionDelegate = c => ErrorPolicy.OnUnhandled(c, logger);
        }), CancellationToken.None);
        ExecutionResult? result = null;
        try
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var wait = allowed + DeadlineGrace - clock.Elapsed;
            var deadline = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, grace.Token);
            if (await Task.WhenAny(execution, deadline) == execution)
            {
                await grace.CancelAsync();
                if (clock.Elapsed > allowed && !aborted.IsCancellationRequested)
                {
                    LogLateEnd(execution.Status); // past its limit but within the grace: how late it stopped
                }
                result = await execution;
            }
            else
            {
                // Abandoned: observe its outcome (a late fault is neither unobserved nor logged as unhandled) and
                // record how long after the deadline the work really stopped. Whether the client had left is read
                // now, at the deadline: once the 504 is sent the request is over and its abort token may fire.
                var clientLeft = aborted.IsCancellationRequested;
                _ = execution.ContinueWith(t =>
                {
                    _ = t.Exception;
                    // A client that had left before the deadline was not kept waiting: nothing was late.
                    if (!clientLeft)
                    {
                        LogLateEnd(t.Status);
                    }
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            void LogLateEnd(TaskStatus status) =>
                logger.LogInformation(LateExecutionEnded, "Execution past its deadline stopped {LateMs:F0} ms after it ({Status})", (clock.Elapsed - allowed).TotalMilliseconds, status);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            result = null;
        }
        catch (Exception e) when (Warehouse.Data.SqliteInterruptInterceptor.IsInterrupt(e) && timeout.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            result = null;
        }
        aborted.ThrowIfCancellationRequested();
        if (result is null || timeout.IsCancellationRequested || clock.Elapsed > allowed)
        {
            await WriteError(http, StatusCodes.Status504GatewayTimeout, LimitErrors.Timeout, $"The request ran longer than {roleLimits.TimeoutSeconds} s and was cancelled, database command included.", mediaType);
            return;
        }
        ErrorPolicy.RewordHidden(result, access);
        result = RevealGate.Enforce(result, context.Audit);
        if (result.Executed && result.Data is not null && !context.Audit.IsEmpty)
        {
            try
            {
                await audit.WriteAsync(access, context.Audit, AuditKinds.DataAccess, request.OperationName ?? result.Operation?.Name?.StringValue, Hash(request.Query), aborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Audit trail could not be written; no data returned");
                await WriteError(http, StatusCodes.Status503ServiceUnavailable, ErrorCodes.AuditUnavailable,
                    "The audit trail cannot be written, so no data is returned; try again shortly.", mediaType);
                return;
            }
        }
        // A request error is one where nothing ran: not executed, or refused as a whole (no mutation type for this role).
        var requestError = !result.Executed || result.Data is null && result.Errors?.All(e => e.Code is "INVALID_OPERATION") == true;
        var status = requestError && mediaType == GraphQLHttpEndpoint.GraphQLResponseJson ? StatusCodes.Status400BadRequest
            : result.Data is null && result.Errors?.Any(e => e.Code == ErrorCodes.DatabaseUnavailable) == true ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK;
        await Write(http, result, status, mediaType);
    }

    /// <summary>
    /// Apollo's automatic persisted queries. A registered document answers its hash in every mode. Otherwise, with
    /// allow-list mode off: the remembered text, or PERSISTED_QUERY_NOT_FOUND (status 200, as Apollo Server answers,
    /// so every client's link resends) until the client sends hash and text, which register it. With allow-list mode
    /// on, nothing unregistered is remembered or run: PERSISTED_QUERY_NOT_SUPPORTED.
    /// </summary>
    private async Task<(string Query, bool Registered)> AutomaticQueryAsync(string id, string? query, CancellationToken ct)
    {
        if (await documents.TryLoadAsync(id, ct) is { } registered)
        {
            return (registered, true);
        }
        if (persisted.AllowOnlyPersisted)
        {
            throw new BadRequest(AutomaticPersistedQueries.NotSupported,
                "This server runs registered documents only; automatic persisted queries are off. Ask an admin to register the document and send its documentId.");
        }
        if (!string.IsNullOrEmpty(query))
        {
            automatic.Remember(id, query); // the caller checked that the hash is the text's
            return (query, false);
        }
        if (automatic.TryGet(id, out var remembered))
        {
            return (remembered, false);
        }
        // Apollo Client matches the message as well as the code.
        throw new BadRequest(AutomaticPersistedQueries.NotFound, "PersistedQueryNotFound", StatusCodes.Status200OK);
    }

    /// <summary>Apollo-style extensions.persistedQuery.sha256Hash (automatic persisted queries, or a registered document's hash).</summary>
    private static string? PersistedHash(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var pq) == true && pq is IDictionary<string, object?> d && d.TryGetValue("sha256Hash", out var h) && h is string hash
            ? "sha256:" + hash.ToLowerInvariant()
            : null;

    private const int ParserMaxDepth = 128;

    /// <summary>
    /// Logged when an execution that ran past its limit stops, whether it noticed within the grace or was abandoned
    /// at the deadline and wound down later: how late the work really was (docs/hardening.md, the deadline margin).
    /// </summary>
    public static readonly EventId LateExecutionEnded = new(1001, nameof(LateExecutionEnded));

    /// <summary>How long past its limit a request may take to notice the cancellation before the 504 is sent anyway.</summary>
    private static readonly TimeSpan DeadlineGrace = TimeSpan.FromMilliseconds(250);

    private static GraphQLDocument? TryParse(string? query, out bool tooDeep)
    {
        tooDeep = false;
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }
        try
        {
            return GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { MaxDepth = ParserMaxDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            tooDeep = true;
            return null;
        }
        catch (GraphQLParserException)
        {
            return null; // the executor reports the syntax error with its code and location
        }
    }

    private static bool IsMutation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var selected = operationName is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation == OperationType.Mutation;
    }

    private async Task Write(HttpContext http, ExecutionResult result, int status, string mediaType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var trace = Trace(http);
        trace.Operation ??= result.Operation?.Name?.StringValue;
        trace.Complete(http, result, status, logger, observability.RequestLog);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static System.Diagnostics.Stopwatch Started(HttpContext http) =>
        http.Items.TryGetValue(typeof(System.Diagnostics.Stopwatch), out var s) && s is System.Diagnostics.Stopwatch clock ? clock : System.Diagnostics.Stopwatch.StartNew();

    private static RequestTrace Trace(HttpContext http) =>
        http.Items.TryGetValue(typeof(RequestTrace), out var t) && t is RequestTrace trace ? trace : new RequestTrace();

    private Task WriteError(HttpContext http, int status, string code, string message, string mediaType) =>
        Write(http, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, status, mediaType);

    private static string? Hash(string? query) =>
        query is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
}
