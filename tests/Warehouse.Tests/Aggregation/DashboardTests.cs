using System.Globalization;
using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Database;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Aggregation;

/// <summary>The dashboard questions on the demo test county (seed 7).</summary>
public sealed class DashboardTests(AppFixture fixture) : DashboardCases(fixture), IClassFixture<AppFixture>;

/// <summary>The same questions on a second generated county (seed 11, smaller): the definitions hold on other data.</summary>
public sealed class DashboardSecondSeedTests(SecondSeedFixture fixture) : DashboardCases(fixture), IClassFixture<SecondSeedFixture>;

/// <summary>
/// Each dashboard example in schema/examples/dashboards runs as its role, unchanged, and every group equals plain SQL
/// written from the definition (docs/indicators.md) on the generated county restricted to the role's region.
/// </summary>
public abstract class DashboardCases(AppFixture fixture)
{
    // The labour force as the dashboard contract reads it: ordinary or skilled labour capacity (not 弱劳动力或半劳动力).
    private const string Lf = "('普通劳动力','技能劳动力')";
    private const string Disbursed = "(SELECT alloc_id, SUM(CASE WHEN stage = '收回' THEN -amount_fen ELSE amount_fen END) AS d FROM " +
        "fund_disbursement GROUP BY alloc_id)";

    private static string File(string name) =>
        System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "examples", "dashboards", name));

    private static async Task<JsonObject> Run(ProviderApp app, string role, string region, string file, object? variables = null) =>
        await WarehouseApp.DataAsync(app.App.ClientFor(role, region), File(file), variables);

    [Fact]
    public void Every_example_has_a_question_and_a_role_header()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "schema", "examples", "dashboards"), "*.graphql");
        Assert.True(files.Length >= 12);
        foreach (var path in files)
        {
            var text = System.IO.File.ReadAllText(path);
            Assert.StartsWith("# Question (", text, StringComparison.Ordinal);
            Assert.Contains("# Role: " + Path.GetFileName(path).Split('-')[0], text, StringComparison.Ordinal);
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_1_few_measures(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var t = f.Township;
        var (start, end) = ("2025-01-01", "2025-12-31");
        var data = await Run(f, "township", t, "township-1-few-measures.graphql", new { yearStart = start, yearEnd = end });
        // In force during the year, as the dictionary defines it; 脱贫户 or monitored households. The township reads the
        // fields of a record about a child under 14 as null in aggregates (docs/security.md), so such a measure never
        // matches the dates and is not counted.
        var inForce = $"""
            a.start_date <= $e AND (a.end_date >= $s OR (a.end_date IS NULL AND (a.period <> '一次性' OR a.start_date >= $s))) AND
              {Minors.AboutAdult("a.member_id")}
            """;
        const string targeted = "(h.household_attr = '脱贫户' OR h.monitor_type IS NOT NULL)";
        AggregateAssert.Equal(db, data["none"]!, $"""
            SELECT h.village_code, r.name, COUNT(*) FROM household h LEFT JOIN region r ON r.code = h.village_code
            WHERE h.township_code = $t AND {targeted} AND NOT EXISTS (SELECT 1 FROM assistance a WHERE a.household_id = h.household_id AND {inForce})
            GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$t", t), ("$s", start), ("$e", end));
        AggregateAssert.Equal(db, data["one"]!, $"""
            SELECT a.village_code, a.household_id, COUNT(*) FROM assistance a JOIN household h ON h.household_id = a.household_id
            WHERE a.township_code = $t AND {targeted} AND {inForce} GROUP BY 1, 2 HAVING COUNT(*) < 2 ORDER BY 1, 2
            """, ("$t", t), ("$s", start), ("$e", end));
        // The rule covers 脱贫户 too, so the answer is not empty (monitored households alone always have ≥ 2 measures).
        Assert.NotEmpty(data["one"]!["groups"]!.AsArray());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_3_income_mix(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var t = f.Township;
        var data = await Run(f, "township", t, "township-3-income-mix.graphql");
        AggregateAssert.Equal(db, data["householdsAggregate"]!, """
            SELECT h.village_code, r.name, COUNT(*), SUM(wage_income_fen) / 100.0, SUM(business_income_fen) / 100.0, SUM(business_cost_fen) / 100.0,
                   SUM(property_income_fen) / 100.0, SUM(transfer_income_fen) / 100.0, SUM(net_income_fen) / 100.0,
                   SUM(CASE WHEN transfer_income_fen * 5 > net_income_fen * 3 THEN 1 ELSE 0 END)
            FROM household h LEFT JOIN region r ON r.code = h.village_code WHERE h.township_code = $t GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$t", t));
        Assert.True(data["householdsAggregate"]!["groups"]!.AsArray().Count > 1);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_4_workshops(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var t = Sql.Strings(db, "SELECT township_code FROM workshop GROUP BY township_code ORDER BY COUNT(*) DESC, township_code LIMIT 1")[0];
        var (asOf, month) = ("2025-06-15", "2025-06-01");
        var data = await Run(f, "township", t, "township-4-workshops.graphql", new { township = t, asOf });
        AggregateAssert.Equal(db, data["workshops"]!, """
            SELECT workshop_id, gov_invested, SUM(workers_total), SUM(workers_poor), SUM(workers_monitored)
            FROM workshop WHERE township_code = $t GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$t", t));
        // Headcount on the date: workshop jobs that started by then and had not ended before its month.
        const string onDate = """
            SELECT e.workshop_id, COUNT(*) FROM employment e JOIN household h ON h.household_id = e.household_id
            WHERE e.township_code = $t AND e.emp_form = '帮扶车间' AND e.start_month <= $d AND (e.end_month IS NULL OR e.end_month >= $m)
            """;
        AggregateAssert.Equal(db, data["onDate"]!, onDate + " GROUP BY 1 ORDER BY 1", ("$t", t), ("$d", asOf), ("$m", month));
        AggregateAssert.Equal(db, data["poor"]!, onDate + " AND h.household_attr = '脱贫户' GROUP BY 1 ORDER BY 1", ("$t", t), ("$d", asOf), ("$m", month));
        AggregateAssert.Equal(db, data["monitored"]!, onDate + " AND h.monitor_type IS NOT NULL GROUP BY 1 ORDER BY 1", ("$t", t), ("$d", asOf), ("$m", month));
        var headcount = data["onDate"]!["groups"]!.AsArray().Sum(g => g!["count"]!.GetValue<int>());
        var yearRecords = data["workshops"]!["groups"]!.AsArray().Sum(g => g!["sum"]!["workersTotal"]!.GetValue<int>());
        Assert.InRange(headcount, 1, yearRecords - 1);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_5_posts(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var t = f.Township;
        var asOf = Sql.Strings(db,
            "SELECT term_end FROM welfare_post WHERE township_code = $t ORDER BY term_end LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM welfare_post " +
            "WHERE township_code = $t)", ("$t", t))[0];
        var in30 = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var data = await Run(f, "township", t, "township-5-posts.graphql", new { asOf });
        AggregateAssert.Equal(db, data["byVillage"]!, """
            SELECT p.village_code, r.name, COUNT(*), SUM(CASE WHEN holder_member_id IS NOT NULL THEN 1 ELSE 0 END), SUM(subsidy_due_fen) / 100.0,
                   SUM(subsidy_paid_fen) / 100.0,
                   CASE WHEN SUM(subsidy_due_fen) = 0 THEN NULL ELSE SUM(subsidy_paid_fen) * 1.0 / SUM(subsidy_due_fen) END
            FROM welfare_post p LEFT JOIN region r ON r.code = p.village_code WHERE p.township_code = $t GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$t", t));
        // Only filled posts have a contract that can end.
        AggregateAssert.Equal(db, data["ending"]!, """
            SELECT village_code, COUNT(*) FROM welfare_post WHERE township_code = $t AND holder_member_id IS NOT NULL AND term_end BETWEEN $a AND $b
              GROUP BY 1 ORDER BY 1
            """, ("$t", t), ("$a", asOf), ("$b", in30));
        Assert.NotEmpty(data["ending"]!["groups"]!.AsArray());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_1_low_income(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var data = await Run(f, "county", f.County, "county-1-low-income.graphql");
        // Either condition, each household once, with its people.
        AggregateAssert.Equal(db, data["flagged"]!, """
            SELECT h.township_code, r.name, h.monitor_type, COUNT(*), SUM(household_size),
                   SUM(CASE WHEN per_capita_net_income_fen < 850000 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN prev_per_capita_net_income_fen IS NOT NULL AND per_capita_net_income_fen < prev_per_capita_net_income_fen
                       THEN 1 ELSE 0 END)
            FROM household h LEFT JOIN region r ON r.code = h.township_code
            WHERE per_capita_net_income_fen < 850000 OR per_capita_net_income_fen < prev_per_capita_net_income_fen
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """);
        var groups = data["flagged"]!["groups"]!.AsArray();
        Assert.True(groups.Sum(g => g!["count"]!.GetValue<int>()) < groups.Sum(g => g!["belowLine"]!.GetValue<int>() + g["incomeFalling"]!.GetValue<int>()),
            "some households meet both conditions and are counted once");
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_2_funds(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var data = await Run(f, "county", f.County, "county-2-funds.graphql", new { asOf = "2025-06-30" });
        AggregateAssert.Equal(db, data["bySource"]!, $"""
            SELECT a.source_level, a.source_type, COUNT(*), SUM(a.amount_fen) / 100.0, SUM(COALESCE(x.d, 0)) / 100.0, SUM(COALESCE(x.d, 0)) * 1.0 /
              SUM(a.amount_fen)
            FROM fund_allocation a LEFT JOIN {Disbursed} x ON x.alloc_id = a.alloc_id GROUP BY 1, 2 ORDER BY 1, 2
            """);
        // The year's allocations of the two fund types (budget year = the as-of date's year), all levels.
        AggregateAssert.Equal(db, data["linked"]!,
            "SELECT SUM(amount_fen) / 100.0 FROM fund_allocation WHERE year = 2025 AND source_type IN ('衔接资金', '统筹整合涉农资金')");
        AggregateAssert.Equal(db, data["industry"]!, """
            SELECT SUM(a.amount_fen) / 100.0 FROM fund_allocation a JOIN project p ON p.project_code = a.project_code
            WHERE a.year = 2025 AND a.source_type IN ('衔接资金', '统筹整合涉农资金') AND p.type = '产业发展'
            """);
        Assert.True(Sql.Scalar(db, "SELECT COUNT(*) FROM fund_allocation WHERE year <> 2025 AND source_type IN ('衔接资金', '统筹整合涉农资金')") > 0,
            "other years' allocations exist, so the year restriction is tested");
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_3_employment(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var data = await Run(f, "county", f.County, "county-3-employment.graphql");
        // Conditions summed as 0/1 with CASE: SQLite sums booleans, PostgreSQL does not.
        var inLf = $"CASE WHEN labor_capacity IN {Lf} THEN 1 ELSE 0 END";
        var employed = $"CASE WHEN labor_capacity IN {Lf} AND work_status <> '未务工' THEN 1 ELSE 0 END";
        // Members and jobs include records of children the county may not read one by one: protected, within ±2.
        AggregateAssert.Near(db, data["rate"]!, $"""
            SELECT m.township_code, r.name, SUM({inLf}), SUM({employed}), SUM({employed}) * 1.0 / SUM({inLf})
            FROM member m LEFT JOIN region r ON r.code = m.township_code GROUP BY 1, 2 ORDER BY 1, 2
            """, 2);
        Assert.All(data["rate"]!["groups"]!.AsArray(), g => Assert.Equal(
            g!["employed"]!.GetValue<double>() / g["laborForce"]!.GetValue<double>(), g["employmentRate"]!.GetValue<double>(), 9));
        // A group is withheld when its perturbed rows or its perturbed distinct households fall below k (the last column).
        AggregateAssert.Near(db, data["jobs"]!,
            "SELECT township_code, emp_form, COUNT(*), COUNT(DISTINCT household_id) FROM employment GROUP BY 1, 2 ORDER BY 1, 2", 2, true);
        // Households that have labour but no one working; households without labour apart.
        AggregateAssert.Equal(db, data["noneEmployed"]!, $"""
            SELECT township_code, COUNT(*) FROM household h
            WHERE EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.labor_capacity IN {Lf} AND {Minors.Adult("m.")})
              AND NOT EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.work_status <> '未务工') GROUP BY 1 ORDER BY 1
            """);
        AggregateAssert.Equal(db, data["noLabour"]!, $"""
            SELECT township_code, COUNT(*) FROM household h
            WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.labor_capacity IN {Lf} AND {Minors.Adult("m.")})
              GROUP BY 1 ORDER BY 1
            """);
        Assert.True(Sql.Scalar(db, "SELECT COUNT(*) FROM member WHERE labor_capacity = '弱劳动力或半劳动力'") > 0, "weak labour exists, so leaving it out is tested");
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_5_projects(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var data = await Run(f, "county", f.County, "county-5-projects.graphql");
        AggregateAssert.Equal(db, data["byTypeStatus"]!, """
            SELECT type, lib_status, COUNT(*), SUM(total_invest_fen) / 100.0, SUM(benef_households), SUM(benef_households) * 1000000.0 / SUM(total_invest_fen)
            FROM project GROUP BY 1, 2 ORDER BY 1, 2
            """);
        // 以工代赈 projects: those with 以工代赈 money; the ratio is labour pay over that money, not over all investment.
        const string yigong = "(SELECT project_code, SUM(amount_fen) AS y FROM fund_allocation WHERE source_type = '以工代赈' GROUP BY project_code)";
        AggregateAssert.Equal(db, data["yigong"]!, $"""
            SELECT COUNT(*), SUM(p.labor_pay_fen) / 100.0, SUM(y.y) / 100.0, SUM(p.labor_pay_fen) * 1.0 / SUM(y.y)
            FROM project p JOIN {yigong} y ON y.project_code = p.project_code
            """);
        AggregateAssert.Equal(db, data["yigongByProject"]!, $"""
            SELECT p.project_code, p.labor_pay_fen / 100.0, y.y / 100.0, p.labor_pay_fen * 1.0 / y.y AS r
            FROM project p JOIN {yigong} y ON y.project_code = p.project_code ORDER BY r, 1
            """);
        Assert.InRange(data["yigong"]!["groups"]![0]!["laborPayRatio"]!.GetValue<double>(), 0.15, 1.0);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_2_low_income(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        // The village with the most households whose business fell by more than 20 % while above the line, so both
        // conditions are exercised on any seed.
        var v = Sql.Strings(db, """
            SELECT h.village_code FROM household h JOIN household_income_year y ON y.household_id = h.household_id AND y.income_year = 2024
            WHERE h.per_capita_net_income_fen >= 850000 AND (h.business_income_fen - h.business_cost_fen) * 5 < (y.business_income_fen -
              y.business_cost_fen) * 4
            GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1
            """)[0];
        var data = await Run(f, "village", v, "village-2-low-income.graphql");
        // Last year's business net from the yearly history; "fell by more than 20 %" = this year < 0.8 × last year.
        const string flagged = """
            FROM household h LEFT JOIN household_income_year y ON y.household_id = h.household_id AND y.income_year = 2024
            WHERE h.village_code = $v
              AND (h.per_capita_net_income_fen < 850000 OR (h.business_income_fen - h.business_cost_fen) * 5 < (y.business_income_fen -
                y.business_cost_fen) * 4)
            """;
        AggregateAssert.Equal(db, data["householdsAggregate"]!, $"""
            SELECT h.monitor_type, COUNT(*), SUM(CASE WHEN h.per_capita_net_income_fen < 850000 THEN 1 ELSE 0 END) {flagged} GROUP BY 1 ORDER BY 1
            """, ("$v", v));
        var rows = AggregateAssert.Rows(db, $"""
            SELECT h.household_id, h.monitor_type, h.per_capita_net_income_fen / 100.0, h.business_income_fen / 100.0, h.business_cost_fen / 100.0,
                   (y.business_income_fen - y.business_cost_fen) / 100.0,
                   CASE WHEN y.business_income_fen - y.business_cost_fen > 0
                        THEN ((h.business_income_fen - h.business_cost_fen) - (y.business_income_fen - y.business_cost_fen)) * 100 /
                          (y.business_income_fen - y.business_cost_fen) END,
                   (h.business_income_fen - h.business_cost_fen) * 5 < (y.business_income_fen - y.business_cost_fen) * 4
            {flagged} ORDER BY 1
            """, ("$v", v));
        Assert.Equal(rows, data["households"]!["nodes"]!.AsArray().Select(n => AggregateAssert.Leaves(n!).ToList()).ToList());
        Assert.Contains(rows, r => r[^1] == "1" && decimal.Parse(r[2], CultureInfo.InvariantCulture) >= 8500);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_3_no_job(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var v = f.Village;
        var (bornAfter, bornBy) = ("1965-06-30", "2009-06-30"); // aged 16–59 on 2025-06-30, by the definition
        var data = await Run(f, "village", v, "village-3-no-job.graphql", new { asOf = "2025-06-30" });
        AggregateAssert.Equal(db, data["membersAggregate"]!, """
            SELECT training_need, COUNT(*), COUNT(DISTINCT household_id) FROM member
            WHERE village_code = $v AND birth_date > $a AND birth_date <= $b AND school_status IS NULL
              AND (work_status = '未务工' OR work_months < 3) GROUP BY 1 ORDER BY COUNT(*) DESC, 1
            """, ("$v", v), ("$a", bornAfter), ("$b", bornBy));
        Assert.NotEmpty(data["membersAggregate"]!["groups"]!.AsArray());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_4_assistance(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var v = f.Village;
        var asOf = "2025-06-30";
        var cap = Sql.Scalar(db,
            "SELECT amount_fen / 100 FROM standard WHERE standard_kind = '产业奖补上限' AND valid_from <= $d AND (valid_to IS NULL OR valid_to >= $d)", ("$d", asOf));
        var data = await Run(f, "village", v, "village-4-assistance.graphql", new { asOf, rewardCap = cap });
        Assert.NotEmpty(data["standards"]!["nodes"]!.AsArray());
        Assert.Equal(Sql.Strings(db, """
                SELECT standard_kind || '|' || unit || '|' || (amount_fen / 100) FROM standard
                WHERE standard_kind IN ('低保', '特困', '产业奖补上限', '产业奖补比例') AND valid_from <= $d AND (valid_to IS NULL OR valid_to >= $d) ORDER BY
                  standard_kind, standard_id
                """, ("$d", asOf)),
            data["standards"]!["nodes"]!.AsArray().Select(n => $"{n!["kind"]}|{n["unit"]}|{n["amount"]!.GetValue<decimal>():0}").ToList());
        AggregateAssert.Equal(db, data["received"]!, """
            SELECT item, period, COUNT(*), COUNT(DISTINCT household_id), SUM(amount_fen) / 100.0, AVG(amount_fen) / 100.0, MIN(amount_fen) / 100.0,
              MAX(amount_fen) / 100.0
            FROM assistance WHERE village_code = $v AND item IN ('低保', '特困供养', '到户产业奖补') GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$v", v));
        AggregateAssert.Equal(db, data["overCap"]!, """
            SELECT COUNT(*) FROM assistance WHERE village_code = $v AND item = '到户产业奖补' AND amount_fen > $c * 100 HAVING COUNT(*) > 0
            """, ("$v", v), ("$c", cap));
        AggregateAssert.Equal(db, data["noLabourNotDibao"]!, $"""
            SELECT COUNT(*) FROM household h WHERE village_code = $v AND safety_net <> '低保'
              AND NOT EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.labor_capacity IN {Lf}) HAVING COUNT(*) > 0
            """, ("$v", v));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_5_projects(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var v = Sql.Strings(db,
            "SELECT site_code FROM project WHERE length(site_code) = 12 AND site_code NOT LIKE '%000' GROUP BY site_code ORDER BY COUNT(*) DESC, " +
            "site_code LIMIT 1")[0];
        var data = await Run(f, "village", v, "village-5-projects.graphql", new { village = v });
        // Beneficiary persons from the definition: members of beneficiary households that are 脱贫户 or monitored.
        AggregateAssert.Equal(db, data["projects"]!, """
            SELECT p.project_code, p.total_invest_fen / 100.0, p.benef_households,
                   (SELECT COALESCE(SUM(h.household_size), 0) FROM project_beneficiary b JOIN household h ON h.household_id = b.household_id
                    WHERE b.project_code = p.project_code AND (h.household_attr = '脱贫户' OR h.monitor_type IS NOT NULL)),
                   p.progress_pct * 1.0
            FROM project p WHERE site_code = $v ORDER BY 1
            """, ("$v", v));
        AggregateAssert.Equal(db, data["funds"]!, $"""
            SELECT a.project_code, SUM(a.amount_fen) / 100.0, SUM(COALESCE(x.d, 0)) / 100.0, SUM(COALESCE(x.d, 0)) * 1.0 / SUM(a.amount_fen)
            FROM fund_allocation a JOIN project p ON p.project_code = a.project_code LEFT JOIN {Disbursed} x ON x.alloc_id = a.alloc_id
            WHERE p.site_code = $v GROUP BY 1 ORDER BY 1
            """, ("$v", v));
        Assert.NotEmpty(data["projects"]!["groups"]!.AsArray());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_2_cases(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        // Pending as of 2025-12-31: reported by then; more than 15 days: reported before 2025-12-16. The township with
        // the most such cases, so the list is not empty on any seed.
        var (asOf, cutoff) = ("2025-12-31", "2025-12-16");
        var t = Sql.Strings(db,
            "SELECT township_code FROM monitoring_case WHERE case_status IN ('待核实', '待审核') AND reported_at < $c GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1",
            ("$c", cutoff))[0];
        var data = await Run(f, "township", t, "township-2-cases.graphql", new { asOf });
        AggregateAssert.Equal(db, data["pending"]!, """
            SELECT village_code, case_status, COUNT(*) FROM monitoring_case
            WHERE township_code = $t AND case_status IN ('待核实', '待审核') AND reported_at <= $d GROUP BY 1, 2 ORDER BY 1, 2
            """, ("$t", t), ("$d", asOf));
        AggregateAssert.Equal(db, data["overdue"]!, """
            SELECT village_code, COUNT(*) FROM monitoring_case
            WHERE township_code = $t AND case_status IN ('待核实', '待审核') AND reported_at < $c GROUP BY 1 ORDER BY 1
            """, ("$t", t), ("$c", cutoff));
        var expected = Sql.Strings(db, """
            SELECT case_id FROM monitoring_case WHERE township_code = $t AND case_status IN ('待核实', '待审核') AND reported_at < $c
            ORDER BY reported_at, case_id LIMIT 100
            """, ("$t", t), ("$c", cutoff));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, data["overdueCases"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_1_visits(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        var v = Sql.Strings(db, """
            SELECT village_code FROM household WHERE monitor_type IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1
            """)[0];
        var (asOf, since) = ("2025-12-31", "2025-12-01"); // a visit in the 30 days up to the as-of date
        var data = await Run(f, "village", v, "village-1-visits.graphql", new { asOf });
        var monitored = data["monitored"]!["nodes"]!.AsArray();
        Assert.Equal(Sql.Strings(db, "SELECT household_id FROM household WHERE village_code = $v AND monitor_type IS NOT NULL ORDER BY 1", ("$v", v)),
            monitored.Select(n => n!["id"]!.GetValue<string>()).ToList());
        foreach (var node in monitored)
        {
            var last = Sql.Text(db, "SELECT MAX(visited_at) FROM household_visit WHERE household_id = $h", ("$h", node!["id"]!.GetValue<string>()));
            Assert.Equal(last, node["visits"]!.AsArray().FirstOrDefault()?["visitedAt"]?.GetValue<string>());
        }
        var expected = Sql.Strings(db, """
            SELECT household_id FROM household h WHERE village_code = $v AND monitor_type IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM household_visit x WHERE x.household_id = h.household_id AND x.visited_at >= $s AND x.visited_at <= $d)
            ORDER BY 1
            """, ("$v", v), ("$s", since), ("$d", asOf));
        Assert.Equal(expected, data["notVisited"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_4_pipeline(DatabaseProvider provider)
    {
        var f = fixture[provider];
        var db = f.App.Database;
        // The period: the year to the as-of date. Median and p90 as PERCENTILE_CONT, computed in SQL by PercentileSql (one row per
        // key, so grouping by them too changes no group; PostgreSQL wants every selected column grouped or aggregated).
        var asOf = "2025-09-30";
        var data = await Run(f, "county", f.County, "county-4-pipeline.graphql", new { asOf });
        const string period = "(SELECT * FROM monitoring_case WHERE reported_at >= '2025-01-01' AND reported_at <= '2025-09-30')";
        AggregateAssert.Equal(db, data["byRisk"]!, $"""
            SELECT c.main_risk, c.case_status, COUNT(*), AVG(c.days_to_identify), p.p0, p.p1, MAX(c.days_to_identify) FROM {period} c
            LEFT JOIN ({PercentileSql.Per(period, ["main_risk", "case_status"], "days_to_identify", 0.5, 0.9)}) p
              ON p.k0 IS c.main_risk AND p.k1 IS c.case_status
            GROUP BY 1, 2, 5, 6 ORDER BY 1, 2
            """);
        AggregateAssert.Equal(db, data["period"]!, $"""
            SELECT (SELECT COUNT(*) FROM {period} c), p0, p1 FROM ({PercentileSql.Per(period, [], "days_to_identify", 0.5, 0.9)}) p
            """);
        AggregateAssert.Equal(db, data["overRule"]!, $"""
            SELECT main_risk, COUNT(*) FROM {period} c WHERE days_to_identify > 15 GROUP BY 1 ORDER BY 1
            """);
        // Identified in the period, and of those the households whose risk was cleared by the as-of date.
        AggregateAssert.Equal(db, data["identified"]!, $"SELECT COUNT(*), COUNT(DISTINCT household_id) FROM {period} c WHERE case_status = '已认定'");
        AggregateAssert.Equal(db, data["cleared"]!, $"""
            SELECT COUNT(*), COUNT(DISTINCT c.household_id) FROM {period} c JOIN household h ON h.household_id = c.household_id
            WHERE c.case_status = '已认定' AND h.risk_cleared_at <= '{asOf}'
            """);
        Assert.True(Sql.Scalar(db, "SELECT COUNT(*) FROM monitoring_case WHERE reported_at < '2025-01-01' OR reported_at > '2025-09-30'") > 0,
            "cases outside the period exist, so the period is tested");
    }
}
