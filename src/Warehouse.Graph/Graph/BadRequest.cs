namespace Warehouse.Graph;

/// <summary>A malformed HTTP request, answered with a 4xx status and a coded GraphQL error body.</summary>
internal sealed class BadRequest(string code, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;

    public BadRequest() : this("BAD_REQUEST", "Bad request.") { }
}
