using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warehouse.Aggregation;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// BI feeds: <c>GET /export/{rootField}.csv</c>, <c>.jsonl</c> and <c>.parquet</c>, with the graph's
/// authentication, scope, masks and where/order, streamed in keyset pages. Order of work: resolve the reader,
/// plan the fields, parse where/order, read the first page (every caller mistake is a 4xx here, before any
/// data), write the EXPORT audit record (503 AUDIT_UNAVAILABLE and no data if it fails), then stream; a second
/// EXPORT record carries the row count when the stream ends. See docs/bi-feeds.md.
/// </summary>
public static class ExportEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/{file}", (HttpContext http, string file, QueryEngine engine, AccessResolver resolver,
                IDbContextFactory<WarehouseDbContext> contexts, AuditRedaction redaction, ILoggerFactory loggers) =>
            Guarded(http, loggers, logger => file.EndsWith(ExportSchema.Suffix, StringComparison.Ordinal)
                ? ExportSchema.RunAsync(http, file, resolver, http.RequestAborted)
                : Export(http, file, engine, resolver, contexts, redaction, logger, http.RequestAborted))).RequireAuthorization()
                    .RequireCors(Warehouse.Http.CorsPolicies.Clients);
        app.MapGet("/export/aggregate/{file}", (HttpContext http, string file, AggregateEngine engine, AccessResolver resolver,
                IDbContextFactory<WarehouseDbContext> contexts, AuditRedaction redaction, ILoggerFactory loggers) =>
            Guarded(http, loggers, logger => AggregateExport.RunAsync(http, file, engine, resolver, contexts, redaction, logger, http.RequestAborted)))
                .RequireAuthorization().RequireCors(Warehouse.Http.CorsPolicies.Clients);
        return app;
    }

    /// <summary>Every export's errors answered the same way: a coded 4xx/503 before any data, never a 500.</summary>
    private static async Task Guarded(HttpContext http, ILoggerFactory loggers, Func<ILogger, Task> export)
    {
        var logger = loggers.CreateLogger("Warehouse.Exports");
        var ct = http.RequestAborted;
        try
        {
            await export(logger);
        }
        catch (ExportProblem p) when (!http.Response.HasStarted)
        {
            await WriteErrors(http, p.Status, p.Errors);
        }
        catch (QueryException q) when (!http.Response.HasStarted)
        {
            await WriteErrors(http, StatusCodes.Status400BadRequest, [new ExportError(q.Code, q.Message)]);
        }
        catch (Exception e) when (ct.IsCancellationRequested && (e is OperationCanceledException || Warehouse.Data.SqliteInterruptInterceptor.IsInterrupt(e)))
        {
            // The client went away before anything was sent (its statement was interrupted, not failed).
        }
        catch (Exception e) when (!http.Response.HasStarted && Warehouse.Http.DatabaseFaults.Classify(e) is { } fault)
        {
            logger.LogError(e, "Database fault {Code}", fault.Code);
            await WriteErrors(http, StatusCodes.Status503ServiceUnavailable, [new ExportError(fault.Code, fault.Message)]);
        }
    }

    private static async Task Export(HttpContext http, string file, QueryEngine engine, AccessResolver resolver,
        IDbContextFactory<WarehouseDbContext> contexts, AuditRedaction redaction, ILogger logger, CancellationToken ct)
    {
        var resolution = await resolver.ResolveAsync(http.User, ct);
        if (resolution.Access is not { } access)
        {
            throw new ExportProblem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, resolution.Reason!);
        }
        if (access.DataRole is null)
        {
            throw new ExportProblem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                $"User {access.UserId} has no data role (county, township or village): exports read data under one.");
        }
        var (entity, format) = Target(file);
        var query = http.Request.Query;
        var options = ExportOptions.Read(http.Request);
        var plan = ExportPlanner.Plan(entity, access, query["fields"].ToString());
        var where = JsonArguments.Where(query["where"].ToString());
        var order = JsonArguments.Order(query["order"].ToString());
        RequireAffordable(http, entity, where, access);
        var reader = new ExportReader(engine, access, plan, where, order, ReadPageRows(http));
        // The first page is read before anything is recorded or sent: a bad filter or order is a 400 here.
        var first = await reader.NextAsync(ct);

        var operation = $"{entity.ListField}.{format.Extension()}";
        // The admin reads the trail but no data: personal filter values go in as keyed pseudonyms, and the request
        // hash (of a query string holding those values) is keyed too, so it cannot be brute-forced back.
        var audit = new ExportAudit(contexts, access, plan, operation, Hash(http.Request, redaction), new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["format"] = format.Extension(),
            ["where"] = redaction.RedactFilter(entity, where),
            ["order"] = order,
            ["bom"] = options.Bom,
            ["header"] = options.Labels ? "labels" : "names",
            ["formulaGuard"] = options.FormulaGuard,
        }, http.RequestServices.GetRequiredService<TimeProvider>());
        try
        {
            await audit.StartedAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Audit trail could not be written; export of {Operation} refused", operation);
            throw new ExportProblem(StatusCodes.Status503ServiceUnavailable, ErrorCodes.AuditUnavailable,
                "The audit trail cannot be written, so no data is exported; try again shortly.");
        }

        var rows = 0;
        var completed = false;
        try
        {
            rows = await ExportStreamer.StreamAsync(http, plan, format, options, access, reader, first!, n =>
            {
                rows = n;
                return Task.CompletedTask;
            }, ct, ParquetRowGroupRows(http));
            completed = true;
        }
        catch (Exception e)
        {
            // Headers (200) and some rows may already be out: abort the connection so the client sees a failed
            // transfer, never a file that looks complete.
            if (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "Export {ExportId} of {Operation} failed after {Rows} rows", audit.ExportId, operation, rows);
            }
            http.Abort();
        }
        try
        {
            await audit.FinishedAsync(completed, rows, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException or DbUpdateException)
        {
            // The data has left: the start record (written before it) stands; this one only adds the count.
            logger.LogError(e, "Export {ExportId}: the completion audit record could not be written ({Rows} rows)", audit.ExportId, rows);
        }
    }

    /// <summary>
    /// An export's filter runs over the reader's whole scope, exactly like a root list's in the graph: the same
    /// cost model and per-role limit (<see cref="Limits.FilterCost"/>) refuse it before it runs.
    /// </summary>
    internal static void RequireAffordable(HttpContext http, EntityDef entity, IDictionary<string, object?>? where, Warehouse.Security.AccessContext access)
    {
        var limits = http.RequestServices.GetRequiredService<Limits.LimitsOptions>().For(access.RoleName);
        if (Limits.FilterCost.Refusal(entity, where, limits, access.RoleName) is { } refusal)
        {
            throw new ExportProblem(StatusCodes.Status400BadRequest, Limits.LimitErrors.MaxComplexity, refusal);
        }
    }

    /// <summary>
    /// Rows per export page read: <c>Warehouse:Exports:ReadPageRows</c> (at least 100), <see cref="ExportOptions.DefaultReadPageRows"/>
    /// by default.
    /// </summary>
    private static int ReadPageRows(HttpContext http) =>
        Math.Max(ExportOptions.MinReadPageRows, http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Warehouse:Exports:ReadPageRows",
            ExportOptions.DefaultReadPageRows));

    /// <summary>Rows per Parquet row group: <c>Warehouse:Exports:ParquetRowGroupRows</c> (at least 100), 10,000 by default.</summary>
    private static int ParquetRowGroupRows(HttpContext http) =>
        Math.Max(100, http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Warehouse:Exports:ParquetRowGroupRows",
            ParquetExportWriter.DefaultRowGroupRows));

    /// <summary>households.csv → (Household, Csv); anything else is a 404 UNKNOWN_EXPORT.</summary>
    internal static (EntityDef Entity, ExportFormat Format) Target(string file)
    {
        var dot = file.LastIndexOf('.');
        var format = dot < 0 ? null : ExportFormats.Parse(file[(dot + 1)..]);
        if (format is null)
        {
            throw new ExportProblem(StatusCodes.Status404NotFound, ExportCodes.UnknownExport,
                $"Exports are /export/{{rootField}}.csv, .jsonl or .parquet; '{file}' is none of them.");
        }
        var rootField = file[..dot];
        var entity = WarehouseCatalogue.Default.FindByListField(rootField)
                     ?? throw new ExportProblem(StatusCodes.Status404NotFound, ExportCodes.UnknownExport,
                         $"No list named '{rootField}'. Exports: {string.Join(", ", WarehouseCatalogue.Default.Exposed.Select(e => e.ListField))}.");
        return (entity, format.Value);
    }

    /// <summary>
    /// Identifies the request in the audit trail: 16 hex digits of HMAC-SHA256 of path and query string under the
    /// redaction key. Keyed because the query string holds filter values; a plain hash of a known URL template
    /// could be brute-forced back to an 11-digit phone number.
    /// </summary>
    internal static string Hash(HttpRequest request, AuditRedaction redaction) =>
        redaction.KeyedHash(request.Path + request.QueryString.ToString(), 16);

    private static async Task WriteErrors(HttpContext http, int status, IReadOnlyList<ExportError> errors)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            errors = errors.Select(e => new
            {
                message = e.Message,
                extensions = e.Field is null
                    ? new Dictionary<string, string> { ["code"] = e.Code }
                    : new Dictionary<string, string> { ["code"] = e.Code, ["field"] = e.Field },
            }),
        };
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }
}
