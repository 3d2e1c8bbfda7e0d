using System.Text.Json;

namespace Warehouse.Security;

/// <summary>
/// The one 401 answer of every scheme (bearer challenge and API key): a WWW-Authenticate header with the reason and a
/// GraphQL-shaped body with code UNAUTHENTICATED, so a client handles a refused credential the same way whatever it sent.
/// </summary>
public static class Unauthorized
{
    private static readonly string[] UnauthenticatedCodes = ["UNAUTHENTICATED"];

    public static async Task WriteAsync(HttpResponse response, string reason, string? authorizationUri)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = authorizationUri is null
            ? $"Bearer error=\"invalid_token\", error_description=\"{reason}\""
            : $"Bearer authorization_uri=\"{authorizationUri}\", error=\"invalid_token\", error_description=\"{reason}\"";
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(new
        {
            errors = new[] { new { message = $"Unauthenticated: {reason}.", extensions = new { code = "UNAUTHENTICATED", codes = UnauthenticatedCodes,
                reason } } },
        }));
    }
}
