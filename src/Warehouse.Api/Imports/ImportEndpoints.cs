using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Warehouse.Data;
using Warehouse.Import.Loading;
using Warehouse.Import.Specs;
using Warehouse.Import.Validation;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Api.Imports;

/// <summary>
/// <c>POST /admin/import/{entity}</c>: an administrator uploads one .xlsx or .csv file (multipart field
/// <c>file</c>) and the same engine as the CLI's <c>import</c> loads it — whole or not at all, or the valid rows
/// with <c>?acceptValid=true</c>. Answers 200 with the counts, 422 with the reject lines when nothing was written,
/// and a coded 4xx for a request that cannot be an import (not admin, unknown entity, no file, wrong type, too
/// large). Data roles are refused: an import writes personal data and is an administrative act (docs/import.md).
/// </summary>
public static class ImportEndpoints
{
    /// <summary>Largest upload: a county's 100,000 households are about 25 MB as xlsx.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Reject lines returned in the response (all of them are counted; the CLI writes the full report).</summary>
    public const int MaxRejectsReturned = 1000;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase
    };

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/import/{entity}", (HttpContext http, string entity, AccessResolver resolver, DatabaseOptions database) =>
            HandleAsync(http, entity, resolver, database)).RequireAuthorization().DisableAntiforgery();
        return app;
    }

    private static async Task HandleAsync(HttpContext http, string entityName, AccessResolver resolver, DatabaseOptions database)
    {
        var ct = http.RequestAborted;
        var resolution = await resolver.ResolveAsync(http.User, ct);
        if (resolution.Access is not { IsAdmin: true } access)
        {
            await Error(http, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, resolution.Reason ?? "Only an administrator may import data.");
            return;
        }
        if (ImportEntities.Find(entityName) is not { } entity)
        {
            await Error(http, StatusCodes.Status404NotFound, "UNKNOWN_ENTITY",
                $"No importable entity '{entityName}': use {string.Join(", ", ImportEntities.All.Select(e => e.Name))}.");
            return;
        }
        if (http.Request.ContentLength > MaxBytes)
        {
            await Error(http, StatusCodes.Status413PayloadTooLarge, "FILE_TOO_LARGE", $"An upload may have at most {MaxBytes >> 20} MB.");
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }
        if (!http.Request.HasFormContentType)
        {
            await Error(http, StatusCodes.Status400BadRequest, "NO_FILE", "Send the file as multipart/form-data in the field 'file'.");
            return;
        }
        IFormFile? file;
        try
        {
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes }, ct);
            file = form.Files.GetFile("file");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            await Error(http, e is BadHttpRequestException { StatusCode: 413 } || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, "BAD_UPLOAD", e.Message);
            return;
        }
        if (file is null || file.Length == 0)
        {
            await Error(http, StatusCodes.Status400BadRequest, "NO_FILE", "The form has no non-empty field 'file'.");
            return;
        }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            await Error(http, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_FILE", "Only .xlsx and .csv files can be imported.");
            return;
        }

        // The engine reads files: the upload goes to a private temporary folder under a safe name (the client's
        // file name is shown in the report, never used as a path).
        var folder = Directory.CreateTempSubdirectory("warehouse-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, entity.Name + extension);
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, ct);
            }
            var options = new ImportOptions
            {
                AcceptValid = string.Equals(http.Request.Query["acceptValid"], "true", StringComparison.OrdinalIgnoreCase),
                User = access.UserId,
                Role = access.RoleName,
                Entity = entity.Name,
            };
            var result = await Task.Run(() => ImportEngine.Run(database, [path], options), ct);
            var display = Path.GetFileName(file.FileName);
            var status = result.Committed ? StatusCodes.Status200OK
                : result.Rejects.Any(r => r.Code is RejectCode.BadFile) ? StatusCodes.Status400BadRequest
                : StatusCodes.Status422UnprocessableEntity;
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, new
            {
                committed = result.Committed,
                fileHash = result.FileHash,
                entities = result.Entities,
                rejectCount = result.Rejects.Count,
                rejects = result.Rejects.Take(MaxRejectsReturned).Select(r => new
                {
                    file = r.File == Path.GetFileName(path) ? display : r.File, sheet = r.Sheet, row = r.Row, column = r.Column, value = r.Value,
                    code = r.CodeText, reasonZh = r.ReasonZh, reasonEn = r.ReasonEn,
                }),
            }, Json, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task Error(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { code, message } } }, Json, http.RequestAborted);
    }
}
