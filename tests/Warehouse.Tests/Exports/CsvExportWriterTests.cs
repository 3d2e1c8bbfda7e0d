using System.Text;
using Warehouse.Catalogue;
using Warehouse.Exports;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>The CSV writer against RFC 4180, directly (no HTTP), and the invariant value formats.</summary>
public sealed class CsvExportWriterTests
{
    private static readonly EntityDef Households = WarehouseCatalogue.Default.Require("Household");

    [Theory]
    [InlineData("plain")]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("\"")]
    [InlineData("line1\r\nline2")]
    [InlineData("lf\nonly")]
    [InlineData("cr\ronly")]
    [InlineData(",\",\r\n\"")]
    [InlineData("")]
    [InlineData(" spaced ")]
    [InlineData("张三,李四")]
    public void Values_round_trip(string value)
    {
        var columns = new[] { Column("id"), Column("address"), Column("householdAttr") };
        var text = Write(columns, ["H1", value, "尾"], labels: false);
        var records = Rfc4180.Parse(text);
        Assert.Equal(2, records.Count);
        Assert.Equal(["id", "address", "householdAttr"], records[0]);
        Assert.Equal(["H1", value, "尾"], records[1]);
    }

    [Fact]
    public void Quotes_only_when_needed_and_doubles_quotes()
    {
        var text = Write([Column("id"), Column("address")], ["plain", "a \"b\", c"], labels: false);
        Assert.Equal("id,address\r\nplain,\"a \"\"b\"\", c\"\r\n", text);
    }

    [Fact]
    public void Labels_are_the_catalogue_labels()
    {
        var text = Write([Column("id"), Column("perCapitaNetIncome")], ["H1", 1m], labels: true);
        Assert.StartsWith("户编号,人均纯收入\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_formatted_invariantly()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var columns = new[] { Column("perCapitaNetIncome"), Column("monitoredAt"), Column("waterSafe"), Column("riskTypes"), Column("householdSize"),
                Column("exitYear") };
            var text = Write(columns, [10323.4m, new DateOnly(2024, 3, 9), true, new[] { "因病", "因学" }, 4, null], labels: false);
            Assert.Equal("10323.40,2024-03-09,true,因病;因学,4,\r\n", text.Split("\r\n", 2)[1]);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("=SUM(A1)", true, "'=SUM(A1)")]
    [InlineData("+86", true, "'+86")]
    [InlineData("-x", true, "'-x")]
    [InlineData("@cmd", true, "'@cmd")]
    [InlineData("\tx", true, "'\tx")]
    [InlineData("\rx", true, "\"'\rx\"")]
    [InlineData("a=b", true, "a=b")]
    [InlineData("=SUM(A1)", false, "=SUM(A1)")]
    public void Formula_guard_prefixes_text_only(string value, bool guard, string expected)
    {
        var columns = new[] { Column("address"), Column("businessCost"), Column("riskTypes") };
        var text = Write(columns, [value, -1500.5m, new[] { "-因病" }], labels: false, guard);
        // Money we format stays a number; a list of text values is text.
        Assert.Equal($"{expected},-1500.50,{(guard ? "'" : "")}-因病\r\n", text.Split("\r\n", 2)[1]);
    }

    private static ExportColumn Column(string name) => new(name, Households.Field(name)!, null, -1);

    private static string Write(ExportColumn[] columns, object?[] values, bool labels, bool formulaGuard = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvExportWriter(stream, columns, formulaGuard))
        {
            writer.WriteHeader(labels);
            writer.WriteRow(values, []);
            writer.Flush();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
