using Microsoft.Data.Sqlite;
using Warehouse.Generation;
using Xunit;

namespace Warehouse.Tests.Generation;

/// <summary>The generated county is dated as of its reference date: no fact after it, plans may run past it.</summary>
public sealed class ReferenceDateTests
{
    [Fact]
    public void No_fact_lies_after_the_reference_date_and_terms_run_on()
    {
        var path = GeneratedCounty.CreateDatabase(out var connection);
        try
        {
            var asOf = new DateOnly(2026, 3, 15);
            using (var sink = new SqliteBulkSink(connection))
            {
                CountyGenerator.Generate(new GeneratorOptions { Households = 800, Seed = 5, ReferenceDate = asOf }, sink);
            }
            long Scalar(string sql)
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = sql;
                return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            foreach (var (table, column) in new[]
                     {
                         ("household_visit", "visited_at"), ("monitoring_case", "reported_at"), ("monitoring_case", "identified_at"),
                         ("fund_disbursement", "paid_at"), ("fund_allocation", "alloc_date"), ("assistance", "start_date"),
                         ("member", "birth_date"), ("employment", "start_month"), ("welfare_post", "term_start"), ("household", "monitored_at"),
                         ("household", "risk_cleared_at"),
                     })
            {
                Assert.Equal(0, Scalar($"SELECT COUNT(*) FROM {table} WHERE {column} > '2026-03-15'"));
                Assert.True(Scalar($"SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL") > 0, $"{table}.{column} has values");
            }
            // Recent activity: visits and pending cases close to the date, the year's incomes are 2026's.
            Assert.True(Scalar("SELECT COUNT(*) FROM household_visit WHERE visited_at >= '2026-02-13'") > 0);
            Assert.Equal(2026, Scalar("SELECT MAX(income_year) FROM household_income_year"));
            // Contracts are plans: posts of the year end later in the year.
            Assert.True(Scalar("SELECT COUNT(*) FROM welfare_post WHERE term_end > '2026-03-15'") > 0);
        }
        finally
        {
            connection.Dispose();
            SqliteConnection.ClearAllPools();
            GeneratedCounty.DeleteDatabase(path);
        }
    }
}
