using Microsoft.SqlServer.TransactSql.ScriptDom;
using Warehouse.Explain;
using Warehouse.Tests.Database;
using Xunit;

namespace Warehouse.Tests.Explain;

/// <summary>The pure parts of Explain's plan reader: which statements are planned, and the redaction of literals in plans.</summary>
public sealed class PlanReaderTests
{
    [Theory]
    [InlineData("SELECT 1", true)]
    [InlineData("  \n select count(*) from household", true)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", true)]
    [InlineData("INSERT INTO \"sec_audit_record\" (\"at\") VALUES (@p0)", false)]
    [InlineData("UPDATE sec_field_permission SET version = version + 1", false)]
    [InlineData("DELETE FROM x", false)]
    [InlineData("SELECTION", true)] // not SQL a request sends; the prefix test is deliberately simple
    public void Only_reads_are_planned(string sql, bool planned) => Assert.Equal(planned, PlanReader.IsRead(sql));

    [Theory]
    [InlineData("Index Cond: (village_code = '139901106203'::text)", "Index Cond: (village_code = '?'::text)")]
    [InlineData("Recheck Cond: ((household_id)::text = ANY ('{H001,H002}'::text[]))", "Recheck Cond: ((household_id)::text = ANY ('?'::text[]))")]
    [InlineData("Filter: (address = 'O''Brien Road')", "Filter: (address = '?')")]
    [InlineData("Filter: ((a = 'x') AND (b = 'y'))", "Filter: ((a = '?') AND (b = '?'))")]
    [InlineData("Filter: (a = '')", "Filter: (a = '?')")]
    [InlineData("Seq Scan on household h  (cost=0.00..71.19 rows=43 width=37)", "Seq Scan on household h  (cost=0.00..71.19 rows=43 width=37)")]
    [InlineData("SEARCH h USING INDEX ix_household_village (village_code=?)", "SEARCH h USING INDEX ix_household_village (village_code=?)")]
    public void Quoted_literals_in_a_plan_become_a_question_mark(string line, string shown) => Assert.Equal(shown, PlanReader.Redact(line));

    [Theory]
    [InlineData(PlanReader.ShowPlanOn)]
    [InlineData(PlanReader.ShowPlanOff)]
    public void The_SQL_Server_plan_switches_parse(string sql)
    {
        Assert.Empty(TSqlCheck.Problems(sql));
        var statement = Assert.Single(Assert.Single(((TSqlScript)TSqlCheck.Parse(sql, out _)).Batches).Statements);
        var set = Assert.IsType<PredicateSetStatement>(statement);
        Assert.Equal(SetOptions.ShowPlanText, set.Options);
        Assert.Equal(sql.EndsWith(" ON", StringComparison.Ordinal), set.IsOn);
    }
}
