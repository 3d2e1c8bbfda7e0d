using GraphQL.Validation;

namespace Warehouse.Limits;

/// <summary>A broken request limit: a validation error whose code is one of <see cref="LimitErrors"/>.</summary>
internal sealed class LimitError : ValidationError
{
    public LimitError(string code, string message) : base(message)
    {
        Code = code;
    }
}
