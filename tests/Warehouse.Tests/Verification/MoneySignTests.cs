using Warehouse.Catalogue;
using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>Which money fields may be negative (net amounts and changes) and which are amounts that may not.</summary>
public sealed class MoneySignTests
{
    [Theory]
    [InlineData("netIncome", true)]
    [InlineData("perCapitaNetIncome", true)]
    [InlineData("incomeChange", true)]
    [InlineData("prevBusinessNetIncome", true)]
    [InlineData("wageIncome", false)]
    [InlineData("amount", false)]
    [InlineData("businessCost", false)]
    public void Money_that_may_be_negative(string field, bool mayBeNegative)
    {
        var found = WarehouseCatalogue.Default.Entities.SelectMany(e => e.Fields).First(f => f.Name == field && f.Kind == FieldKind.Money);
        Assert.Equal(mayBeNegative, MoneyNonNegativeRule.MayBeNegative(found));
    }
}
