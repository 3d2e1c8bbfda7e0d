namespace Warehouse.Querying;

/// <summary>Page sizes (configuration section <c>Warehouse:Paging</c>).</summary>
public sealed class PagingOptions
{
    /// <summary>Rows per page when neither first nor last is given.</summary>
    public int DefaultPageSize { get; set; } = 50;
    /// <summary>Largest first/last accepted; more is a PAGE_SIZE_EXCEEDED error.</summary>
    public int MaxPageSize { get; set; } = 500;
    /// <summary>Base64 HMAC key for cursors; set the same value on every instance behind a load balancer.</summary>
    public string? CursorSecret { get; set; }
}
