using Warehouse.Catalogue;
using Warehouse.Security;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>Every mask on a table of stored values and the exact text it must give (docs/security.md#masks).</summary>
public sealed class MasksTests
{
    [Theory]
    // Names: the surname (two characters for compound surnames), one * per other character.
    [InlineData(MaskKind.PersonName, "张三", null, "张*")]
    [InlineData(MaskKind.PersonName, "苏波利", null, "苏**")]
    [InlineData(MaskKind.PersonName, "欧阳娜娜", null, "欧阳**")]
    [InlineData(MaskKind.PersonName, "司马懿", null, "司马*")]
    [InlineData(MaskKind.PersonName, "欧阳", null, "欧*")]
    [InlineData(MaskKind.PersonName, "王", null, "*")]
    // ID numbers: the first 3 characters only, whatever the check character.
    [InlineData(MaskKind.IdNumber, "139901194901135190", null, "139***************")]
    [InlineData(MaskKind.IdNumber, "13990120120229003X", null, "139***************")]
    [InlineData(MaskKind.IdNumber, "139", null, "***")]
    // Phones: first 3 and last 4.
    [InlineData(MaskKind.Phone, "13906132843", null, "139****2843")]
    [InlineData(MaskKind.Phone, "18412345678", null, "184****5678")]
    [InlineData(MaskKind.Phone, "1234567", null, "*******")]
    // Accounts: last 4.
    [InlineData(MaskKind.BankAccount, "6228480012345672181", null, "****2181")]
    [InlineData(MaskKind.BankAccount, "2181", null, "****")]
    // Dates to the year.
    [InlineData(MaskKind.DateToYear, "1993-01-29", null, "1993")]
    // Addresses to the village group.
    [InlineData(MaskKind.Address, "一组68号", null, "一组")]
    [InlineData(MaskKind.Address, "十二组3号", null, "十二组")]
    [InlineData(MaskKind.Address, "68号", null, "*")]
    // Coordinates to 0.1°.
    [InlineData(MaskKind.GeoPoint, "40.37993,118.84101", null, "40.4,118.8")]
    [InlineData(MaskKind.GeoPoint, "40.32,118.86", null, "40.3,118.9")]
    [InlineData(MaskKind.GeoPoint, "not a point", null, "*")]
    // Disability type and grade to the type.
    [InlineData(MaskKind.Category, "肢体二级", null, "肢体")]
    [InlineData(MaskKind.Category, "视力一级", null, "视力")]
    [InlineData(MaskKind.Category, "多重", null, "多重")]
    // Payees: masked only when the payee is a person (农户); organisations stay readable.
    [InlineData(MaskKind.PersonPayeeName, "宋小明", "农户", "宋**")]
    [InlineData(MaskKind.PersonPayeeName, "板栗堡村种植专业合作社", "合作社", "板栗堡村种植专业合作社")]
    [InlineData(MaskKind.PersonPayeeName, "宋小明", null, "宋**")]
    [InlineData(MaskKind.PersonPayeeAccount, "6212345678901234567", "农户", "****4567")]
    [InlineData(MaskKind.PersonPayeeAccount, "950101234567890123", "企业", "950101234567890123")]
    public void Mask_gives_the_documented_text(MaskKind kind, string stored, string? payeeType, string expected)
    {
        Assert.Equal(expected, Masks.Apply(kind, stored, name => name == "PayeeType" ? payeeType : null));
    }

    [Fact]
    public void Dates_are_masked_from_their_value_and_null_stays_null()
    {
        Assert.Equal("1993", Masks.Apply(MaskKind.DateToYear, new DateOnly(1993, 1, 29), _ => null));
        foreach (var kind in Enum.GetValues<MaskKind>().Where(k => k != MaskKind.None))
        {
            Assert.Null(Masks.Apply(kind, null, _ => null));
        }
    }

    [Fact]
    public void A_kind_without_a_mask_cannot_be_applied()
    {
        Assert.Throws<InvalidOperationException>(() => Masks.Apply(MaskKind.None, "x", _ => null));
    }
}
