using System.Text.Json;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// The one gate for endpoints outside /graphql and the exports that need a user (<c>/ui/regions</c>): signing
/// in is not enough, the user must also resolve to a role through <see cref="AccessResolver"/>, exactly as for a
/// GraphQL request. A user who does not (revoked assignment, no role, bad region) gets the 403 body /graphql
/// sends, <c>{"errors":[{"message","extensions":{"code":"FORBIDDEN","codes":["FORBIDDEN"]}}]}</c>, so that no path
/// answers someone every other path refuses.
/// </summary>
public static class ResolvedAccess
{
    private static readonly object ItemKey = new();

    /// <summary>Authentication plus <see cref="AccessResolver"/>; the resolved context is available as <see cref="Of"/>.</summary>
    public static RouteHandlerBuilder RequireResolvedAccess(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var resolver = http.RequestServices.GetRequiredService<AccessResolver>();
            var resolution = await resolver.ResolveAsync(http.User, http.RequestAborted);
            if (resolution.Access is not { } access)
            {
                return Results.Json(ForbiddenBody(resolution.Reason!), statusCode: StatusCodes.Status403Forbidden);
            }
            http.Items[ItemKey] = access;
            return await next(context);
        });

    /// <summary>The access context resolved for this request by <see cref="RequireResolvedAccess"/>.</summary>
    public static AccessContext Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var a) && a is AccessContext access
            ? access
            : throw new InvalidOperationException("The endpoint was not mapped with RequireResolvedAccess.");

    /// <summary>The GraphQL-shaped 403 body, as <see cref="Graph.GraphRequestHandler"/> writes it.</summary>
    public static JsonElement ForbiddenBody(string reason) => JsonSerializer.SerializeToElement(new
    {
        errors = new[] { new { message = reason, extensions = new { code = ErrorCodes.Forbidden, codes = new[] { ErrorCodes.Forbidden } } } },
    });
}
