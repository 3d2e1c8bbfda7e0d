namespace Warehouse.Verification;

/// <summary>
/// The rule for one region code, in C#: 12 ASCII digits (province 2 + city 2 + county 2 + township 3 + village 3),
/// and the level its trailing zeros denote — county <c>XXXXXX000000</c>, township <c>XXXXXXXXX000</c> with a
/// township part other than 000, village with neither part 000. The database checks the same with SQL (see
/// <see cref="VerifyDialect.NotRegionCode"/>); this explains the sampled values in the report.
/// </summary>
internal static class RegionCodeCheck
{
    /// <summary>The level a well-formed code denotes, or null when it is not 12 digits.</summary>
    public static RegionLevel? LevelOf(string? code)
    {
        if (code is null || code.Length != 12 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        return code[6..] == "000000" ? RegionLevel.County
            : code[9..] == "000" ? RegionLevel.Township
            : RegionLevel.Village;
    }

    /// <summary>Why <paramref name="code"/> is not a code of level <paramref name="expected"/>, or null when it is.</summary>
    public static string? Problem(string? code, RegionLevel expected)
    {
        if (code is null)
        {
            return null;
        }
        if (LevelOf(code) is not { } level)
        {
            return code.Length == 12 ? "not all digits" : $"{code.Length} characters, not 12 digits";
        }
        if (level == RegionLevel.Village && code[6..9] == "000")
        {
            return "a village code without a township part";
        }
        return level == expected ? null : $"a {Name(level)} code where a {Name(expected)} code belongs";
    }

    public static string Name(RegionLevel level) => level.ToString().ToLowerInvariant();
}
