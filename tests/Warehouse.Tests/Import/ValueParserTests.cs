using Warehouse.Import.Specs;
using Warehouse.Import.Validation;
using Xunit;

namespace Warehouse.Tests.Import;

/// <summary>The cell parsers on the forms clerks type, valid and invalid, one row each.</summary>
public sealed class ValueParserTests
{
    [Theory]
    [InlineData("1234", 123400L)]
    [InlineData("1234.5", 123450L)]
    [InlineData("1,234.50元", 123450L)]
    [InlineData("1，234.50", 123450L)]
    [InlineData("￥88.8", 8880L)]
    [InlineData("1.2万", 1200000L)]
    [InlineData("0.85万元", 850000L)]
    [InlineData("1.23456万", 1234560L)]
    [InlineData(" 0 ", 0L)]
    [InlineData("-12.5", -1250L)]
    public void Money_is_read_in_yuan_and_stored_in_fen(string text, long fen)
    {
        var result = MoneyParser.Parse(text);
        Assert.True(result.IsOk, $"{text}: {result.Error}");
        Assert.Equal(fen, result.Value);
    }

    [Theory]
    [InlineData("12.345", RejectCode.MoneyPrecision)]
    [InlineData("1.2345678万", RejectCode.MoneyPrecision)]
    [InlineData("一千", RejectCode.BadMoney)]
    [InlineData("12元5角", RejectCode.BadMoney)]
    [InlineData("万", RejectCode.BadMoney)]
    [InlineData("1.2.3", RejectCode.BadMoney)]
    public void Bad_money_is_rejected(string text, RejectCode code) => Assert.Equal(code, MoneyParser.Parse(text).Error);

    [Fact]
    public void A_column_in_wan_yuan_multiplies_by_ten_thousand() => Assert.Equal(125000L, MoneyParser.Parse("12.5", 10_000m)
        .Value is long fen ? fen / 100 : 0);

    [Theory]
    [InlineData("2023-04-12", "2023-04-12")]
    [InlineData("2023/4/12", "2023-04-12")]
    [InlineData("2023.4.12", "2023-04-12")]
    [InlineData("2023年4月12日", "2023-04-12")]
    [InlineData("2023年04月12", "2023-04-12")]
    [InlineData("20230412", "2023-04-12")]
    [InlineData("2023-04-12 00:00:00", "2023-04-12")]
    [InlineData("45028", "2023-04-12")]
    [InlineData("2024.2.29", "2024-02-29")]
    public void Dates_in_the_usual_Chinese_forms(string text, string expected)
    {
        var result = DateParser.Parse(text);
        Assert.True(result.IsOk, $"{text}: {result.Error}");
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("2023.2.30")]
    [InlineData("2023.13.1")]
    [InlineData("2023-4")]
    [InlineData("12/04/2023")]
    [InlineData("去年")]
    [InlineData("18991231")]
    [InlineData("2023年4月")]
    public void Impossible_or_unknown_dates_are_rejected(string text) => Assert.Equal(RejectCode.BadDate, DateParser.Parse(text).Error);

    [Theory]
    [InlineData("2023-04", "2023-04-01")]
    [InlineData("2023年4月", "2023-04-01")]
    [InlineData("202304", "2023-04-01")]
    [InlineData("2023.4.17", "2023-04-01")]
    public void Months_are_stored_as_their_first_day(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.Parse(text, month: true).Value);

    [Fact]
    public void A_mapping_date_format_is_tried_first() =>
        Assert.Equal(new DateOnly(2023, 4, 12), DateParser.Parse("12/04/2023", extraFormats: ["dd/MM/yyyy"]).Value);

    [Theory]
    [InlineData("11010519491231002X", null)]
    [InlineData("11010519491231002x", null)]
    [InlineData("110105194912310021", RejectCode.IdCheckDigit)]
    [InlineData("11010519491231002", RejectCode.BadIdNumber)]
    [InlineData("110105491231002", RejectCode.BadIdNumber)]
    [InlineData("1101051949123100AX", RejectCode.BadIdNumber)]
    [InlineData("110105194913310026", RejectCode.BadIdNumber)]
    public void Id_numbers_have_a_GB11643_check_character(string text, RejectCode? code)
    {
        var result = IdNumberCheck.Parse(text);
        Assert.Equal(code, result.Error);
        if (code is null)
        {
            Assert.Equal(text.ToUpperInvariant(), result.Value);
        }
    }

    [Fact]
    public void The_check_digit_agrees_with_the_generator() =>
        Assert.Equal(Warehouse.Generation.IdNumbers.Build("139901", new DateOnly(1985, 3, 15), 123)[17], IdNumberCheck.CheckDigit("13990119850315123"));

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("1", true)]
    [InlineData("√", true)]
    [InlineData("×", false)]
    public void Flags(string text, bool value) => Assert.Equal(value, FlagParser.Parse(text).Value);

    [Theory]
    [InlineData("household_attr", "脱贫户", null, "脱贫户")]
    [InlineData("household_attr", "贫困户", RejectCode.NotInVocabulary, null)]
    [InlineData("household_attr", "", RejectCode.Required, null)]
    [InlineData("risk_types", "因病、缺劳动力", null, "因病,缺劳动力")]
    [InlineData("risk_types", "因病，因学, 因病", null, "因病,因学")]
    [InlineData("risk_types", "因病、因穷", RejectCode.NotInVocabulary, null)]
    [InlineData("household_size", "3", null, 3)]
    [InlineData("household_size", "3.0", null, 3)]
    [InlineData("household_size", "0", RejectCode.OutOfRange, null)]
    [InlineData("household_size", "三", RejectCode.BadNumber, null)]
    [InlineData("village_code", "139901101202", null, "139901101202")]
    [InlineData("village_code", "13990110120", RejectCode.BadRegionCode, null)]
    [InlineData("village_code", "13990110120A", RejectCode.BadRegionCode, null)]
    [InlineData("relocated", "", null, false)]
    [InlineData("relocated", "也许", RejectCode.BadFlag, null)]
    [InlineData("wage_income_fen", "1.2万", null, 1200000L)]
    [InlineData("wage_income_fen", "-5", RejectCode.OutOfRange, null)]
    [InlineData("wage_income_fen", "20亿", RejectCode.BadMoney, null)]
    [InlineData("wage_income_fen", "2000000000", RejectCode.OutOfRange, null)]
    [InlineData("phone", "138123456789012345678", RejectCode.TooLong, null)]
    public void Household_cells(string column, string text, RejectCode? code, object? value)
    {
        var spec = ImportEntities.Require("households").Column(column)!;
        var result = CellParser.Parse(spec, text);
        Assert.Equal(code, result.Error);
        Assert.Equal(value, result.Value);
    }

    [Fact]
    public void A_value_map_translates_before_the_vocabulary_check()
    {
        var spec = ImportEntities.Require("households").Column("household_attr")!;
        var rules = new ColumnRules { Values = new Dictionary<string, string> { ["贫困户"] = "脱贫户" } };
        Assert.Equal("脱贫户", CellParser.Parse(spec, "贫困户", rules).Value);
    }
}
