namespace Warehouse.Security;

/// <summary>12-digit statistical division codes: province 2 + city 2 + county 2 + township 3 + village 3.</summary>
public static class RegionCodes
{
    public static bool IsValid(string code) => code.Length == 12 && code.All(char.IsAsciiDigit);

    public static string County(string code) => code.Length >= 6 ? code[..6] + "000000" : code;

    public static string Township(string code) => code.Length >= 9 ? code[..9] + "000" : code;

    /// <summary>The level a code denotes by its trailing zeros.</summary>
    public static string Level(string code) =>
        code.EndsWith("000000", StringComparison.Ordinal) ? "COUNTY"
        : code.EndsWith("000", StringComparison.Ordinal) ? "TOWNSHIP"
        : "VILLAGE";
}
