using System.Globalization;
using Warehouse.Generation;
using Xunit;

namespace Warehouse.Tests.Generation;

/// <summary>
/// Workshop headcount over the year, on a county large enough to have workshops of a real size (12,000 households,
/// 8 workshops; the 2,000-household test county has 3 workshops with a handful of workers). Only the workshop and
/// employment tables are kept.
/// </summary>
public sealed class WorkshopHeadcountTests : IDisposable
{
    private readonly string _path;
    private readonly Microsoft.Data.Sqlite.SqliteConnection _connection;

    public WorkshopHeadcountTests()
    {
        _path = GeneratedCounty.CreateDatabase(out _connection);
        using (var off = _connection.CreateCommand())
        {
            // The rows they refer to (members, villages) are dropped here; the full test county checks the references.
            off.CommandText = "PRAGMA foreign_keys = OFF";
            off.ExecuteNonQuery();
        }

        using var sink = new SqliteBulkSink(_connection);
        CountyGenerator.Generate(
            new GeneratorOptions
            {
                Households = 12_000, Seed = GeneratedCounty.Seed,
                ReferenceDate = Warehouse.Tests.Infrastructure.TestDatabase.ReferenceDate
            },
            new TableFilterSink(sink, Tables.Workshop, Tables.Employment));
    }

    public void Dispose()
    {
        _connection.Dispose();
        GeneratedCounty.DeleteDatabase(_path);
    }

    /// <summary>Workers of each workshop on a date (employedOnAsOf: started by the date, no end month or one not before the date's month).</summary>
    private const string Headcount = """
        SELECT w.workshop_id, w.workers_total AS records,
               (SELECT COUNT(*) FROM employment e WHERE e.workshop_id = w.workshop_id
                  AND e.start_month <= '{0}' AND (e.end_month IS NULL OR e.end_month >= substr('{0}', 1, 8) || '01')) AS on_date
        FROM workshop w
        """;

    [Fact]
    public void Workshop_headcount_on_a_date_is_well_below_the_years_records_and_moves_over_the_year()
    {
        var records = Scalar("SELECT SUM(records) FROM (" + string.Format(CultureInfo.InvariantCulture, Headcount, "2025-12-31") + ")");
        var december = Scalar("SELECT SUM(on_date) FROM (" + string.Format(CultureInfo.InvariantCulture, Headcount, "2025-12-31") + ")");
        var june = Scalar("SELECT SUM(on_date) FROM (" + string.Format(CultureInfo.InvariantCulture, Headcount, "2025-06-30") + ")");
        Assert.Equal(records, Scalar("SELECT COUNT(*) FROM employment WHERE emp_form = '帮扶车间'"));
        Assert.True(records >= 100, $"{records} workshop job records");

        // Jobs start and end through the year (seasonal and short contracts): December's headcount is well below the
        // year's records (the demo: 251 of 847) and below the middle of the year's.
        Assert.True(december > 0);
        Assert.True(december * 10 <= records * 6, $"December {december} of {records} records");
        Assert.True(june > december, $"June {june}, December {december}");

        // Workshop by workshop, the headcount on the date is never above the records and below them where there are
        // more than a few.
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM (" + string.Format(CultureInfo.InvariantCulture, Headcount, "2025-12-31")
            + ") WHERE on_date > records OR (records >= 10 AND on_date = records)"));
    }

    private long Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
