using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>Stored and GraphQL names of <see cref="Access"/> values.</summary>
public static class AccessNames
{
    public static string ToName(Access access) => access switch
    {
        Access.Full => "FULL",
        Access.Masked => "MASKED",
        _ => "HIDDEN",
    };

    public static Access? Parse(string? name) => name switch
    {
        "FULL" => Access.Full,
        "MASKED" => Access.Masked,
        "HIDDEN" => Access.Hidden,
        _ => null,
    };
}
