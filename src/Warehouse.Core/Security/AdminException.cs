namespace Warehouse.Security;

/// <summary>An administration request that was refused as a whole (nothing applied), with a code.</summary>
public sealed class AdminException : Exception
{
    public AdminException(string code, string message, IReadOnlyList<string>? details = null) : base(message)
    {
        Code = code;
        Details = details ?? [];
    }

    public AdminException() : this("INVALID", "Invalid request.") { }
    public AdminException(string message) : this("INVALID", message) { }
    public AdminException(string message, Exception inner) : base(message, inner) { Code = "INVALID"; Details = []; }

    public string Code { get; }
    /// <summary>One line per problem (e.g. each stale or invalid cell).</summary>
    public IReadOnlyList<string> Details { get; }
}
