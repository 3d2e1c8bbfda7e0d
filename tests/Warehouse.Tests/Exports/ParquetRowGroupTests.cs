using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Row groups are encoded on another thread while the next one is filled: with small groups (many of them, the last
/// one partial) every row still comes out once, in order, with its typed values, and the file has one group per
/// <c>ParquetRowGroupRows</c> rows.
/// </summary>
public sealed class ParquetRowGroupTests : IDisposable
{
    private const int GroupRows = 101; // the least allowed is 100
    private readonly WarehouseApp _app = new(("Warehouse:Exports:ParquetRowGroupRows", GroupRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Many_small_row_groups_hold_every_row_in_order()
    {
        var county = Sql.Text(_app.Database, "SELECT county_code FROM household LIMIT 1")!;
        var file = await ParquetExportTests.ParquetAsync(_app.ClientFor("county", county),
            ExportHttp.Url("households.parquet", ParquetExportTests.HouseholdFields, order: """[{"perCapitaNetIncome":"ASC"}]"""));
        var expected = ParquetExportTests.Households(_app.Database, """
            SELECT household_id, village_code, per_capita_net_income_fen, monitored_at, household_size, water_safe, risk_types FROM household
            WHERE county_code = @r ORDER BY per_capita_net_income_fen, household_id
            """, ("@r", county));
        Assert.True(expected.Count > 20 * GroupRows, $"only {expected.Count} rows");
        Assert.NotEqual(0, expected.Count % GroupRows);
        ParquetExportTests.AssertRows(expected, file);
        Assert.Equal((expected.Count + GroupRows - 1) / GroupRows, file.RowGroups);
    }

    public void Dispose() => _app.Dispose();
}
