using System.Text.Encodings.Web;
using System.Text.Json;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// <c>GET /export/{rootField}.schema.json[?fields=…]</c>: the columns the caller's export of that list would have
/// (same planner, so the same role, hidden fields and masks), with labels and types, so a BI tool or a script can
/// read the feed typed instead of guessing from a sample: codes as text, money as decimal(18,2), dates as dates,
/// masked values as text. No data is read, so nothing is audited.
/// </summary>
internal static class ExportSchema
{
    public const string Suffix = ".schema.json";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static async Task RunAsync(HttpContext http, string file, AccessResolver resolver, CancellationToken ct)
    {
        var resolution = await resolver.ResolveAsync(http.User, ct);
        var access = resolution.Access ?? throw new ExportProblem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, resolution.Reason!);
        if (access.DataRole is null)
        {
            throw new ExportProblem(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Exports read data under a data role (county, township or village).");
        }
        var rootField = file[..^Suffix.Length];
        var entity = WarehouseCatalogue.Default.FindByListField(rootField)
                     ?? throw new ExportProblem(StatusCodes.Status404NotFound, ExportCodes.UnknownExport,
                         $"No list named '{rootField}'. Exports: {string.Join(", ", WarehouseCatalogue.Default.Exposed.Select(e => e.ListField))}.");
        var plan = ExportPlanner.Plan(entity, access, http.Request.Query["fields"].ToString());
        var body = new
        {
            list = entity.ListField,
            type = entity.TypeName,
            label = entity.Label,
            role = access.DataRole,
            columns = plan.Columns.Select(c =>
            {
                var type = ExportColumnType.Of(c, entity, access);
                return new
                {
                    name = c.Path,
                    label = c.Label,
                    type = type.Type,
                    duckdb = type.DuckDb,
                    parquet = type.Parquet,
                    nullable = type.Nullable,
                    masked = type.Masked,
                    description = c.Field.Description,
                };
            }),
        };
        http.Response.ContentType = "application/schema+json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, ct);
    }
}
