using Warehouse.Generation;
using Xunit;

namespace Warehouse.Tests.Generation;

public class IdNumbersTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("11010119900307803X")]
    public void Known_valid_numbers_pass(string id)
    {
        Assert.True(IdNumbers.IsValid(id));
        Assert.Equal(id[17], IdNumbers.CheckDigit(id.AsSpan(0, 17)));
        Assert.Equal(id[17], ReferenceCheck(id[..17]));
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002")]
    [InlineData("1101051949123100AX")]
    [InlineData(null)]
    public void Invalid_numbers_fail(string? id) => Assert.False(IdNumbers.IsValid(id));

    [Fact]
    public void Build_agrees_with_an_independent_check()
    {
        var birth = new DateOnly(1949, 12, 31);
        Assert.Equal("11010519491231002X", IdNumbers.Build("110105", birth, 2));
        for (var seq = 0; seq < 1000; seq += 7)
        {
            var id = IdNumbers.Build("139901", new DateOnly(1970, 1, 1).AddDays(seq * 13), seq);
            Assert.Equal(ReferenceCheck(id[..17]), id[17]);
        }
    }

    /// <summary>ISO 7064 MOD 11-2 written the textbook way: weight = 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11.</summary>
    internal static char ReferenceCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < 17 - i; k++)
            {
                weight = weight * 2 % 11;
            }

            sum += (first17[i] - '0') * weight;
        }

        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
