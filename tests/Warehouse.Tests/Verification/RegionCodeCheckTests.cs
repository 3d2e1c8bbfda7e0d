using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>Region codes: 12 digits, level by trailing zeros (county 6 significant digits, township 9, village 12).</summary>
public sealed class RegionCodeCheckTests
{
    [Theory]
    [InlineData("139901000000", RegionLevel.County)]
    [InlineData("139901101000", RegionLevel.Township)]
    [InlineData("139901101202", RegionLevel.Village)]
    [InlineData("13990110120", null)]
    [InlineData("1399011012021", null)]
    [InlineData("13990110120X", null)]
    [InlineData("139901 01202", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Level_of_a_code(string? code, object? level)
    {
        // object: RegionLevel is internal to Core, and a public test method cannot take it.
        Assert.Equal((RegionLevel?)level, RegionCodeCheck.LevelOf(code));
    }

    [Theory]
    [InlineData("139901000000", RegionLevel.County, null)]
    [InlineData("139901101000", RegionLevel.Township, null)]
    [InlineData("139901101202", RegionLevel.Village, null)]
    [InlineData(null, RegionLevel.Village, null)]
    [InlineData("139901101000", RegionLevel.Village, "a township code where a village code belongs")]
    [InlineData("139901000000", RegionLevel.Township, "a county code where a township code belongs")]
    [InlineData("139901101202", RegionLevel.County, "a village code where a county code belongs")]
    [InlineData("139901000202", RegionLevel.Village, "a village code without a township part")]
    [InlineData("13990110120", RegionLevel.Village, "11 characters, not 12 digits")]
    [InlineData("13990110120X", RegionLevel.Village, "not all digits")]
    public void Problem_with_a_code_of_an_expected_level(string? code, object expected, string? problem)
    {
        Assert.Equal(problem, RegionCodeCheck.Problem(code, (RegionLevel)expected));
    }
}
