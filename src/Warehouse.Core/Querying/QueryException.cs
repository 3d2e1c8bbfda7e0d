namespace Warehouse.Querying;

/// <summary>A caller's mistake, with a code from <see cref="ErrorCodes"/>. Never a 500.</summary>
public sealed class QueryException : Exception
{
    public QueryException(string code, string message) : base(message) => Code = code;

    public QueryException() : this(ErrorCodes.InvalidValue, "Invalid query.") { }

    public QueryException(string message) : this(ErrorCodes.InvalidValue, message) { }

    public QueryException(string message, Exception inner) : base(message, inner) => Code = ErrorCodes.InvalidValue;

    public string Code { get; }
}
