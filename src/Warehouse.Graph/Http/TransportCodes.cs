namespace Warehouse.Http;

/// <summary>
/// Error codes for the statuses Kestrel gives a malformed request, shared by the host's outermost guard and the
/// request readers, so the same transport fault has the same code wherever it is caught.
/// </summary>
public static class TransportCodes
{
    /// <summary>The code for a status Kestrel gave a malformed request.</summary>
    public static string For(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "REQUEST_TIMEOUT",
        StatusCodes.Status413PayloadTooLarge => "REQUEST_TOO_LARGE",
        StatusCodes.Status414UriTooLong => "REQUEST_TOO_LARGE",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "REQUEST_TOO_LARGE",
        _ => "BAD_HTTP_REQUEST",
    };
}
