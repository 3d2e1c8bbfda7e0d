using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Warehouse.Aggregation;
using Warehouse.Data;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// <c>GET /export/aggregate/{listField}.csv?groupBy=townshipCode,monitorType&amp;measures=count,avg.perCapitaNetIncome&amp;where=…</c>:
/// a grouped aggregate as CSV for pivot tables, computed by the same engine (one GROUP BY, same scope, same
/// permissions, same small-cell suppression) as the graph's <c>…Aggregate</c> fields, and audited like an export.
/// </summary>
internal static class AggregateExport
{
    public static async Task RunAsync(HttpContext http, string file, AggregateEngine engine, AccessResolver resolver,
        IDbContextFactory<WarehouseDbContext> contexts, AuditRedaction redaction, ILogger logger, CancellationToken ct)
    {
        var resolution = await resolver.ResolveAsync(http.User, ct);
        // The resolver's reason, as /graphql and the row exports give it (e.g. "The assignment of user … was revoked").
        var access = resolution.Access ?? throw new ExportProblem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, resolution.Reason!);
        if (access.DataRole is null)
        {
            throw new ExportProblem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Exports read data under a data role (county, township or village).");
        }
        var (entity, format) = ExportEndpoints.Target(file);
        if (format != ExportFormat.Csv)
        {
            throw new ExportProblem(StatusCodes.Status404NotFound, ExportCodes.UnknownExport, "Aggregate exports are CSV: /export/aggregate/{rootField}.csv.");
        }
        var query = http.Request.Query;
        var options = ExportOptions.Read(http.Request);
        var first = query["first"].ToString() is { Length: > 0 } f
            ? int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n : throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.InvalidParameter, $"first: expected a whole number, got '{f}'.")
            : (int?)null;
        var request = new AggregateRequest
        {
            Entity = entity,
            Where = JsonArguments.Where(query["where"].ToString()),
            GroupBy = List(query["groupBy"].ToString()),
            Measures = List(query["measures"].ToString()) is { Count: > 0 } m ? m : ["count"],
            First = first,
        };
        ExportEndpoints.RequireAffordable(http, entity, request.Where, access);
        var result = await engine.RunAsync(access, request, ct);

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.AuditRecords.Add(new AuditRecordRow
            {
                At = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, UserId = access.UserId, Role = access.RoleName,
                Kind = AuditKinds.Export, TypeName = entity.TypeName,
                Operation = $"aggregate/{entity.ListField}.csv", DocumentHash = ExportEndpoints.Hash(http.Request, redaction), RowCount = result.Groups.Count,
                // Personal filter values as keyed pseudonyms: the admin who reads this reads no data.
                Detail = AggregateAudit.Detail(request, result, redaction),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                logger.LogError(e, "Audit trail could not be written; aggregate export refused");
                throw new ExportProblem(StatusCodes.Status503ServiceUnavailable, ErrorCodes.AuditUnavailable,
                    "The audit trail cannot be written, so no data is exported; try again shortly.");
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{entity.ListField}-aggregate.csv\"";
        // What the graph says in `protected` and `withheldGroups`, for a CSV that has no place for it.
        http.Response.Headers["Warehouse-Protected"] = result.Protected ? "true" : "false";
        http.Response.Headers["Warehouse-Withheld-Groups"] = result.WithheldGroups.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            await AggregateCsvWriter.WriteAsync(http.Response.Body, result, options, ct);
            await http.Response.CompleteAsync();
        }
        catch (Exception e) when (http.Response.HasStarted)
        {
            // Some lines are out under a 200: abort the connection so the client sees a failed transfer, never a
            // file that ends cleanly with groups missing.
            if (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "Aggregate export of {Entity} failed after the first byte", entity.ListField);
            }
            http.Abort();
        }
    }

    private static List<string> List(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
