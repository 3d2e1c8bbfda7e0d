using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>
/// verify on a real warehouse: the generated test county is servable with no finding at all; then each way a DBA's
/// mapping can go wrong is made on a copy with plain DDL (<see cref="ViewSurgery"/>), and must be reported by
/// exactly the rule meant for it, with the offending key in the sample and the count that plain SQL finds.
/// </summary>
public sealed class VerifyTests
{
    /// <summary>Fixed, so the date bounds (1900-01-01 to 2035-12-31) hold on any day.</summary>
    private static readonly VerifyOptions Options = new() { Today = TestDatabase.ReferenceDate, Sample = 5 };

    private sealed record Case(string Rule, Func<TestDatabase, string?> Break, string? CountSql, long? Count = null, string? Column = null,
        bool SqliteOnly = false, bool PostgresOnly = false);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Re-created without change: the harness itself leaves the warehouse servable (no rule at all).
        ["unchanged"] = new(Rule: "", db =>
        {
            ViewSurgery.Redefine(db, "households", _ => null);
            return null;
        }, CountSql: null, Count: 0),
        ["drop view"] = new("view-exists", db =>
        {
            ViewSurgery.Drop(db, "standards");
            return null;
        }, null, Count: 1),
        ["missing column"] = new("column-exists", db =>
        {
            ViewSurgery.Redefine(db, "households", c => c == "bank_name" ? "" : null);
            return null;
        }, null, Count: 1, Column: "bank_name"),
        // SQLite reports a view column's declared type only for a plain column reference: take a TEXT column.
        ["wrong type"] = new("column-type", db =>
        {
            ViewSurgery.Redefine(db, "households", c => c != "household_size" ? null
                : db.Provider == DatabaseProvider.PostgreSql ? "CAST(o.household_size AS text)" : "o.address");
            return null;
        }, null, Count: 1, Column: "household_size"),
        ["duplicate key"] = new("key-unique", db =>
        {
            var key = First(db, "households", "household_id");
            ViewSurgery.Redefine(db, "households", _ => null, $"UNION ALL SELECT * FROM {{original}} AS d WHERE d.household_id = '{key}'");
            return key;
        }, "SELECT COUNT(*) FROM api_households WHERE household_id IN (SELECT household_id FROM api_households GROUP BY household_id HAVING COUNT(*) > 1)"),
        // Visits: no view refers to a visit, so a null visit key breaks nothing else.
        ["null key"] = new("key-not-null", db =>
        {
            var key = First(db, "visits", "visit_id");
            ViewSurgery.Redefine(db, "visits", c => c == "visit_id" ? $"CASE WHEN o.visit_id = '{key}' THEN NULL ELSE o.visit_id END" : null);
            return null;
        }, "SELECT COUNT(*) FROM api_visits WHERE visit_id IS NULL"),
        ["null value"] = new("required-value", db =>
        {
            var key = First(db, "visits", "visit_id");
            ViewSurgery.Redefine(db, "visits", c => c == "visited_at" ? $"CASE WHEN o.visit_id = '{key}' THEN NULL ELSE o.visited_at END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_visits WHERE visited_at IS NULL", Column: "visited_at"),
        ["short region code"] = new("region-code", db =>
        {
            var key = First(db, "households", "household_id");
            ViewSurgery.Redefine(db, "households", c =>
                c == "village_code" ? $"CASE WHEN o.household_id = '{key}' THEN substr(o.village_code, 1, 11) ELSE o.village_code END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_households WHERE length(village_code) <> 12", Column: "village_code"),
        // A village that exists, but in another township than the row's.
        ["village outside its township"] = new("region-code", db =>
        {
            var key = First(db, "members", "member_id");
            var elsewhere = Sql.Strings(db,
                $"SELECT MIN(code) FROM api_regions WHERE level = 'VILLAGE' AND township_code <> (SELECT township_code FROM api_members WHERE " +
                $"member_id = '{key}')").Single();
            ViewSurgery.Redefine(db, "members", c =>
                c == "village_code" ? $"CASE WHEN o.member_id = '{key}' THEN '{elsewhere}' ELSE o.village_code END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_members WHERE substr(village_code, 1, 9) <> substr(township_code, 1, 9)", Column: "village_code"),
        ["unknown village"] = new("region-known", db =>
        {
            var key = First(db, "households", "household_id");
            ViewSurgery.Redefine(db, "households", c =>
                c == "village_code" ? $"CASE WHEN o.household_id = '{key}' THEN substr(o.village_code, 1, 9) || '999' ELSE o.village_code END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_households h WHERE NOT EXISTS (SELECT 1 FROM api_regions r WHERE r.code = h.village_code)", Column: "village_code"),
        ["dangling reference"] = new("reference", db =>
        {
            var key = First(db, "members", "member_id");
            ViewSurgery.Redefine(db, "members", c => c == "household_id" ? $"CASE WHEN o.member_id = '{key}' THEN 'H9999999' ELSE o.household_id END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_members m WHERE NOT EXISTS (SELECT 1 FROM api_households h WHERE h.household_id = m.household_id)",
            Column: "household_id"),
        ["negative amount"] = new("money-non-negative", db =>
        {
            var key = First(db, "households", "household_id");
            ViewSurgery.Redefine(db, "households", c =>
                c == "wage_income_fen" ? $"CASE WHEN o.household_id = '{key}' THEN -100 - o.wage_income_fen ELSE o.wage_income_fen END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_households WHERE wage_income_fen < 0", Column: "wage_income_fen"),
        // SQLite keeps 0.5 in an integer column; PostgreSQL's view column becomes numeric, which the type rule refuses.
        ["fractional fen"] = new("money-whole-fen", db =>
        {
            var key = First(db, "households", "household_id");
            ViewSurgery.Redefine(db, "households", c =>
                c == "wage_income_fen" ? $"CASE WHEN o.household_id = '{key}' THEN o.wage_income_fen + 0.5 ELSE o.wage_income_fen END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_households WHERE wage_income_fen <> CAST(wage_income_fen AS INTEGER)", Column: "wage_income_fen", SqliteOnly: true),
        ["fractional fen (typed)"] = new("column-type", db =>
        {
            var key = First(db, "households", "household_id");
            ViewSurgery.Redefine(db, "households", c =>
                c == "wage_income_fen" ? $"CASE WHEN o.household_id = '{key}' THEN o.wage_income_fen + 0.5 ELSE o.wage_income_fen END" : null);
            return null;
        }, null, Count: 1, Column: "wage_income_fen", PostgresOnly: true),
        ["date in 1800"] = new("date-plausible", db =>
        {
            var key = First(db, "members", "member_id");
            ViewSurgery.Redefine(db, "members", c =>
                c == "birth_date" ? $"CASE WHEN o.member_id = '{key}' THEN {ViewSurgery.DateLiteral(db, "1800-01-01")} ELSE o.birth_date END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_members WHERE birth_date < '1900-01-01'", Column: "birth_date"),
        ["date not a date"] = new("date-format", db =>
        {
            var key = First(db, "members", "member_id");
            ViewSurgery.Redefine(db, "members", c => c == "birth_date" ? $"CASE WHEN o.member_id = '{key}' THEN '1980/02/30' ELSE o.birth_date END" : null);
            return key;
        }, "SELECT COUNT(*) FROM api_members WHERE birth_date LIKE '%/%'", Column: "birth_date", SqliteOnly: true),
    };

    /// <summary>Every case on every provider it applies to.</summary>
    public static TheoryData<DatabaseProvider, string> CaseNames()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var row in Providers.With(Cases.Keys.ToArray()))
        {
            var (provider, name) = ((DatabaseProvider)row[0], (string)row[1]);
            if (!(Cases[name].SqliteOnly && provider != DatabaseProvider.Sqlite) && !(Cases[name].PostgresOnly && provider != DatabaseProvider.PostgreSql))
            {
                data.Add(provider, name);
            }
        }
        return data;
    }

    [ProviderTheory]
    [MemberData(nameof(ProviderRows))]
    public void The_test_county_is_servable_with_no_finding(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);

        var report = Verify(db);

        Assert.True(report.Servable);
        Assert.All(report.Rules, r => Assert.True(r.Passed, $"{r.Rule}: {r.Count} {string.Join("; ", r.Sample)} {string.Join("; ", r.Failures)}"));
        Assert.Equal(WarehouseCatalogue.Default.Entities.Count, report.Views.Count(v => v.Exists && v.ColumnsFound == v.Columns));
        // Row counts come from the views themselves.
        Assert.Equal(Sql.Scalar(db, "SELECT COUNT(*) FROM api_members"), report.Views.Single(v => v.View == "members").Rows);
        // Every data rule ran somewhere (a rule that silently generated nothing would pass anything).
        var expectedToRun = Verifier.Rules.OfType<DataRule>().Where(r => provider == DatabaseProvider.Sqlite || r is not (MoneyWholeFenRule or DateFormatRule));
        Assert.All(expectedToRun, r => Assert.True(report.Rules.Single(x => x.Rule == r.Name).Views > 0, $"{r.Name} checked no view"));
    }

    public static TheoryData<DatabaseProvider> ProviderRows() => Providers.Each();

    [ProviderTheory]
    [MemberData(nameof(CaseNames))]
    public void Each_break_is_reported_by_its_rule_alone(DatabaseProvider provider, string name)
    {
        var c = Cases[name];
        using var db = TestDatabase.Copy(provider);
        var key = c.Break(db);
        var expected = c.Count ?? Sql.Scalar(db, c.CountSql!);

        var report = Verify(db);

        var failed = report.Rules.Where(r => !r.Passed).ToList();
        if (c.Rule == "")
        {
            Assert.Empty(failed.Select(r => $"{r.Rule}: {string.Join("; ", r.Sample)} {string.Join("; ", r.Failures)}"));
            return;
        }
        var result = Assert.Single(failed);
        Assert.Equal(c.Rule, result.Rule);
        Assert.Empty(result.Failures);
        Assert.True(expected > 0, "the break changed nothing plain SQL can see");
        Assert.Equal(expected, result.Count);
        Assert.Contains(result.Sample, o => o.Key == key && (c.Column is null || o.Column == c.Column));
        Assert.Equal(result.Severity == Severity.Warning, report.Servable);
    }

    private static VerificationReport Verify(TestDatabase db)
    {
        using var connection = db.Provider == DatabaseProvider.PostgreSql ? new Npgsql.NpgsqlConnection(
            db.ConnectionString) : (System.Data.Common.DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(db.ConnectionString);
        connection.Open();
        return new Verifier(WarehouseCatalogue.Default, Options).Run(connection, db.Provider, db.Path);
    }

    private static string First(TestDatabase db, string view, string key) =>
        Sql.Strings(db, $"SELECT MIN({key}) FROM api_{view}").Single();
}
