using System.Text.Encodings.Web;
using System.Text.Json;
using Warehouse.Api.Security;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Api.Exports;

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
                var masked = access.GrantFor(c.Field).Access == Access.Masked;
                var type = masked ? "string" : TypeOf(c.Field.Kind);
                return new
                {
                    name = c.Path,
                    label = c.Label,
                    type,
                    duckdb = DuckDbType(type),
                    // The key never is; a field reached through a reference is null when no related row is in scope.
                    nullable = c.Relation is not null || !ReferenceEquals(c.Field, entity.Key) && (c.Field.IsNullable || masked),
                    masked,
                    description = c.Field.Description,
                };
            }),
        };
        http.Response.ContentType = "application/schema+json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, ct);
    }

    /// <summary>The feed's logical type: what CSV text or JSON value a column holds.</summary>
    internal static string TypeOf(FieldKind kind) => kind switch
    {
        FieldKind.Money => "decimal(18,2)",
        FieldKind.Int => "integer",
        FieldKind.Date => "date",
        FieldKind.Boolean => "boolean",
        FieldKind.StringList => "string[]",
        _ => "string",
    };

    /// <summary>For <c>read_csv(..., types = {...})</c>: a list is one ';'-joined text field in CSV.</summary>
    private static string DuckDbType(string type) => type switch
    {
        "decimal(18,2)" => "DECIMAL(18,2)",
        "integer" => "BIGINT",
        "date" => "DATE",
        "boolean" => "BOOLEAN",
        _ => "VARCHAR",
    };
}
