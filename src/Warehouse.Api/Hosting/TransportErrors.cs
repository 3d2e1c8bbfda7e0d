using System.Text.Json;
using Warehouse.Http;

namespace Warehouse.Api.Hosting;

/// <summary>
/// The outermost guard of the pipeline, so no input ever reaches the developer exception page or Kestrel's
/// "unhandled exception" path: Kestrel's own complaints about the request (bad chunk size, a body shorter than its
/// Content-Length, a body that arrives too slowly, an unterminated chunked body) are the caller's mistake and become
/// a coded 4xx in the spec's error shape; a client that went away is not an error at all. Anything else is a bug of
/// ours: in Development it still reaches the exception page (that is what the page is for), elsewhere it is logged
/// and answered with a coded 500 and no stack trace.
/// </summary>
internal static class TransportErrors
{
    /// <summary>The code for a bodiless framework answer.</summary>
    private static string StatusCode(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
        StatusCodes.Status403Forbidden => "FORBIDDEN",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        _ => TransportCodes.For(status),
    };

    public static WebApplication UseTransportErrors(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        // Answers the framework gives without a body (no route: 404, wrong method: 405, a minimal-API body that is not
        // JSON: 415) get the same coded shape as everything else; answers that have a body keep it.
        app.UseStatusCodePages(context => context.HttpContext.Response.StatusCode >= 400
            ? WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, StatusCode(context.HttpContext.Response.StatusCode),
                $"HTTP {context.HttpContext.Response.StatusCode} for {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.", clear: false)
            : Task.CompletedTask);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Warehouse.Transport");
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e)
            {
                // Information, not Error: the request was malformed, the server is fine.
                logger.LogInformation("Malformed request {Method} {Path}: {Status} {Reason}", http.Request.Method, http.Request.Path, e.StatusCode, e.Message);
                if (http.Response.HasStarted)
                {
                    http.Abort();
                    return;
                }
                await WriteAsync(http, e.StatusCode, TransportCodes.For(e.StatusCode), $"The HTTP request is malformed: {e.Message}");
            }
            catch (Exception e) when (http.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                // The client closed the connection (or reset its request body): nobody is left to answer.
                logger.LogDebug("Client went away during {Method} {Path}", http.Request.Method, http.Request.Path);
            }
            catch (Exception e) when (!development && !http.Response.HasStarted)
            {
                logger.LogError(e, "Unhandled exception in {Method} {Path}", http.Request.Method, http.Request.Path);
                await WriteAsync(http, StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "Internal error; it has been logged.");
            }
        });
        return app;
    }

    /// <summary>
    /// Writes the spec's error body. <c>clear</c>: drop what the failed request had set (after an exception); a
    /// bodiless framework answer keeps its headers (Allow, WWW-Authenticate).
    /// </summary>
    private static async Task WriteAsync(HttpContext http, int status, string code, string message, bool clear = true)
    {
        if (clear)
        {
            http.Response.Clear();
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code } } } };
        try
        {
            await JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The connection is already gone (a reset chunked body often means it): nothing to tell.
        }
    }
}
