using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Primitives;

namespace Warehouse.Api.Graph;

/// <summary>
/// Reads a GraphQL-over-HTTP request: POST with a JSON body, or GET with query parameters. Anything
/// malformed is a <see cref="BadRequest"/> with a code, answered as 4xx.
/// </summary>
internal static class HttpRequestReader
{
    public static async Task<GraphQLRequest> ReadAsync(HttpRequest http, IGraphQLTextSerializer serializer, CancellationToken ct)
    {
        if (HttpMethods.IsGet(http.Method))
        {
            var query = http.Query["query"];
            if (StringValues.IsNullOrEmpty(query))
            {
                throw new BadRequest("QUERY_MISSING", "GET needs a query parameter named query.");
            }
            return new GraphQLRequest
            {
                Query = query.ToString(),
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
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Body, ct);
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
        if (request is null || string.IsNullOrWhiteSpace(request.Query) && request.DocumentId is null)
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
