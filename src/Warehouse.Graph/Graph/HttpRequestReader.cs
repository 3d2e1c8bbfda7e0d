using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Primitives;

namespace Warehouse.Graph;

/// <summary>
/// Reads a GraphQL-over-HTTP request: POST with a JSON body, or GET with query parameters. Anything
/// malformed is a <see cref="BadRequest"/> with a code, answered as 4xx.
/// </summary>
internal static class HttpRequestReader
{
    public static async Task<GraphQLRequest> ReadAsync(HttpRequest http, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken ct)
    {
        if (HttpMethods.IsGet(http.Method))
        {
            if (http.QueryString.Value?.Length > maxBytes)
            {
                throw new BadRequest("REQUEST_TOO_LARGE", $"The query string is longer than {maxBytes} bytes; send large queries with POST.",
                    StatusCodes.Status414UriTooLong);
            }
            var query = http.Query["query"];
            if (StringValues.IsNullOrEmpty(query) && StringValues.IsNullOrEmpty(http.Query["documentId"]))
            {
                throw new BadRequest("QUERY_MISSING", "GET needs a query parameter named query.");
            }
            return new GraphQLRequest
            {
                Query = StringValues.IsNullOrEmpty(query) ? null : query.ToString(),
                DocumentId = http.Query["documentId"].FirstOrDefault(),
                OperationName = http.Query["operationName"].FirstOrDefault(),
                Variables = Parse<Inputs>(serializer, http.Query["variables"].FirstOrDefault(), "variables"),
                Extensions = Parse<Inputs>(serializer, http.Query["extensions"].FirstOrDefault(), "extensions"),
            };
        }
        var contentType = http.ContentType ?? "";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.StartsWith("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequest("UNSUPPORTED_MEDIA_TYPE", "POST bodies must be application/json.", StatusCodes.Status415UnsupportedMediaType);
        }
        if (http.ContentLength > maxBytes)
        {
            throw new BadRequest("REQUEST_TOO_LARGE", $"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }
        // Read at most maxBytes + 1 so a body without Content-Length cannot exceed the limit either.
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    throw new BadRequest("REQUEST_TOO_LARGE", $"The body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
                }
                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel found the framing broken (bad chunk size, body shorter than Content-Length, too slow):
            // answered here in the GraphQL error shape, with Kestrel's status.
            throw new BadRequest(Warehouse.Http.TransportCodes.For(e.StatusCode), $"The request body could not be read: {e.Message}", e.StatusCode);
        }
        catch (IOException e) when (!ct.IsCancellationRequested)
        {
            // Kestrel reports a chunk size that overflows as a plain IOException ("Bad chunk size data"), not as a
            // BadHttpRequestException: the same broken framing, the same answer.
            throw new BadRequest(Warehouse.Http.TransportCodes.For(StatusCodes.Status400BadRequest), $"The request body could not be read: {e.Message}");
        }
        body.Position = 0;
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(body, ct);
        }
        catch (JsonException e)
        {
            throw new BadRequest("INVALID_JSON", $"The body is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            throw new BadRequest("INVALID_JSON", $"The body is not a GraphQL request: {e.Message}");
        }
        catch (FormatException e)
        {
            throw new BadRequest("INVALID_JSON", $"The body is not a GraphQL request: {e.Message}");
        }
        if (request is null || string.IsNullOrWhiteSpace(request.Query) && request.DocumentId is null
            && request.Extensions?.ContainsKey("persistedQuery") != true)
        {
            throw new BadRequest("QUERY_MISSING", "The body needs a query.");
        }
        return request;
    }

    private static T? Parse<T>(IGraphQLTextSerializer serializer, string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }
        try
        {
            return serializer.Deserialize<T>(text);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new BadRequest("INVALID_JSON", $"The {name} parameter is not valid JSON: {e.Message}");
        }
    }
}
