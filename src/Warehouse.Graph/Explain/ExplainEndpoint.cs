using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Warehouse.Data;
using Warehouse.Graph;
using Warehouse.Graph.Pipeline;
using Warehouse.Limits;
using Warehouse.Security;

namespace Warehouse.Explain;

/// <summary>
/// <c>POST /graphql/explain</c>: runs a query exactly as <c>/graphql</c> would (same caller, schema, validation,
/// limits, scope, masks, deadline and audit), records the statements it sent, throws its data away and answers
/// with each statement's text and plan, plus the request's own errors. Offered in Development and to admins only;
/// every explain is audited (kind EXPLAIN). Mutations are refused: explaining must not change anything.
/// </summary>
public static class ExplainEndpoint
{
    public const string Path = "/graphql/explain";

    public static IEndpointRouteBuilder MapExplain(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ExplainAsync).RequireResolvedAccess();
        return app;
    }

    private static async Task<IResult> ExplainAsync(HttpContext http, IHostEnvironment environment, GraphRequestHandler handler,
        DocumentCache documents, IGraphQLTextSerializer serializer, LimitsOptions limits, IDbContextFactory<WarehouseDbContext> contexts,
        ReadContexts reads, DatabaseOptions database)
    {
        var access = ResolvedAccess.Of(http);
        if (!environment.IsDevelopment() && !access.IsAdmin)
        {
            return Results.Json(ResolvedAccess.ForbiddenBody("Explain is offered in Development and to admins only."),
                statusCode: StatusCodes.Status403Forbidden);
        }
        var ct = http.RequestAborted;
        // The handler reads the body itself; it is buffered so it can be read here first (to refuse mutations).
        http.Request.EnableBuffering();
        GraphQL.Transport.GraphQLRequest request;
        try
        {
            request = await HttpRequestReader.ReadAsync(http.Request, serializer, limits.MaxBodyBytes, ct);
        }
        catch (BadRequest e)
        {
            return Refuse(e.Code, e.Message, e.Status);
        }
        http.Request.Body.Position = 0;
        if (string.IsNullOrEmpty(request.Query))
        {
            return Refuse("QUERY_MISSING", "Explain needs the query text.", StatusCodes.Status400BadRequest);
        }
        if (documents.Parse(request.Query).IsMutation(request.OperationName))
        {
            return Refuse("MUTATION_NOT_EXPLAINED", "Explain runs queries only: a mutation would change data.", StatusCodes.Status400BadRequest);
        }

        // Run it through the real handler into a buffer; only the errors of its answer are kept.
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        http.Request.Headers.Accept = "application/json";
        IReadOnlyList<CapturedStatement> statements;
        try
        {
            using var capture = StatementCapture.Begin();
            await handler.HandleAsync(http);
            statements = capture.Statements;
        }
        finally
        {
            http.Response.Body = body;
        }
        var status = http.Response.StatusCode;
        http.Response.Headers.ContentType = default;
        var answer = buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray()) as JsonObject;
        var errors = answer?["errors"]?.DeepClone();

        var reader = new PlanReader(reads, database);
        var explained = new List<object>();
        var planned = 0;
        foreach (var statement in statements)
        {
            IReadOnlyList<string>? plan = null;
            string? planError = null;
            if (PlanReader.IsRead(statement.Text))
            {
                try
                {
                    plan = await reader.PlanAsync(statement, ct);
                    planned++;
                }
                catch (System.Data.Common.DbException)
                {
                    // Listed without a plan rather than failing the whole explain; the database's message is not
                    // shown (it may quote the statement's values).
                    planError = "The database could not plan this statement.";
                }
            }
            explained.Add(new { sql = statement.Text, parameters = statement.Parameters.Select(p => p.Name).ToList(), plan, planError });
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.AuditRecords.Add(new AuditRecordRow
            {
                At = DateTime.UtcNow, UserId = access.UserId, Role = access.RoleName, Kind = AuditKinds.Explain,
                Operation = request.OperationName, DocumentHash = Hash(request.Query),
                Detail = JsonSerializer.Serialize(new { statements = statements.Count, planned }),
            });
            await db.SaveChangesAsync(ct);
        }
        return Results.Json(new { provider = reader.Provider, status, statements = explained, errors },
            statusCode: status);
    }

    private static IResult Refuse(string code, string message, int status) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code, codes = new[] { code } } } } }, statusCode: status);

    private static string Hash(string query) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
}
