namespace Warehouse.Exports;

/// <summary>
/// An export request that cannot be answered, found before any data is sent: answered with a 4xx/503 status and
/// a JSON body <c>{"errors":[{"message","extensions":{"code","field"?}}]}</c>. Never a 500.
/// </summary>
internal sealed class ExportProblem : Exception
{
    public ExportProblem(int status, IReadOnlyList<ExportError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "Bad export request.")
    {
        Status = status;
        Errors = errors;
    }

    public ExportProblem(int status, string code, string message) : this(status, [new ExportError(code, message)]) { }

    public ExportProblem() : this(StatusCodes.Status400BadRequest, "BAD_REQUEST", "Bad export request.") { }

    public ExportProblem(string message) : this(StatusCodes.Status400BadRequest, "BAD_REQUEST", message) { }

    public ExportProblem(string message, Exception inner) : base(message, inner)
    {
        Status = StatusCodes.Status400BadRequest;
        Errors = [new ExportError("BAD_REQUEST", message)];
    }

    public int Status { get; }
    public IReadOnlyList<ExportError> Errors { get; }
}
