using Xunit;

namespace Warehouse.Tests.Database.TSqlBinding;

/// <summary>The binder itself, on a two-table catalogue: good statements bind, each kind of wrong reference is caught.</summary>
public sealed class TSqlBinderTests
{
    private const string Script = """
        CREATE SCHEMA wh;
        GO
        CREATE SCHEMA api;
        GO
        CREATE TABLE wh.household (household_id varchar(16) NOT NULL, village_code varchar(12) NOT NULL, income_fen bigint NULL);
        CREATE TABLE wh.member (member_id varchar(20) NOT NULL, household_id varchar(16) NOT NULL, name nvarchar(50) NULL);
        ALTER TABLE wh.member ADD record_key bigint NOT NULL;
        GO
        CREATE VIEW api.households AS SELECT household_id, village_code AS village, income_fen FROM wh.household;
        GO
        CREATE VIEW api.members AS SELECT m.member_id, m.household_id, m.name, m.record_key FROM wh.member AS m;
        GO
        CREATE TABLE wh.gone (x int);
        GO
        DROP TABLE wh.gone;
        """;

    private static TSqlObjectCatalogue Catalogue()
    {
        var catalogue = new TSqlObjectCatalogue();
        catalogue.Apply("test.sql", Script);
        Assert.Empty(catalogue.Problems);
        return catalogue;
    }

    [Fact]
    public void Catalogue_reads_tables_views_added_and_dropped_objects()
    {
        var catalogue = Catalogue();

        Assert.Equal(["household_id", "village", "income_fen"], catalogue.Find("api", "households")!.Columns);
        Assert.Equal(["member_id", "household_id", "name", "record_key"], catalogue.Find("api", "members")!.Columns);
        Assert.Null(catalogue.Find("wh", "gone"));
    }

    [Fact]
    public void Catalogue_reports_a_view_over_a_missing_column()
    {
        var catalogue = Catalogue();

        catalogue.Apply("bad.sql", "CREATE VIEW api.bad AS SELECT h.nope FROM wh.household AS h;");

        Assert.Contains(catalogue.Problems, p => p.Contains("unknown column nope", StringComparison.Ordinal));
    }

    public static TheoryData<string, int> Good() => new()
    {
        { "SELECT [h].[household_id], [h].[village] FROM [api].[households] AS [h] WHERE [h].[income_fen] < @p", 3 },
        { "SELECT household_id FROM api.households ORDER BY income_fen", 2 },
        { "SELECT [h].[village] AS [v] FROM [api].[households] AS [h] ORDER BY [v]", 2 },
        { "SELECT api.households.village FROM api.households", 1 },
        // Correlated EXISTS, derived table with aliases, CTE, OPENJSON, VALUES.
        { "SELECT [h].[household_id] FROM [api].[households] AS [h] WHERE EXISTS (SELECT 1 FROM [api].[members] AS [m] WHERE [m].[household_id] = " +
            "[h].[household_id] AND [m].[name] LIKE N'张%')", 4 },
        { "SELECT [s].[k], [s].[c] FROM (SELECT [h].[village] AS [k], COUNT(*) AS [c] FROM [api].[households] AS [h] GROUP BY [h].[village]) AS " +
            "[s] ORDER BY [s].[c] DESC", 5 },
        { "WITH t AS (SELECT household_id AS id FROM api.households) SELECT t.id FROM t", 2 },
        { "SELECT [h].[household_id] FROM [api].[households] AS [h] WHERE [h].[village] IN (SELECT [v].[value] FROM OPENJSON(@p) WITH ([value] " +
            "varchar(12) '$') AS [v])", 3 },
        { "SELECT DATEPART(year, [h].[income_fen]) FROM [api].[households] AS [h]", 1 },
        { "SET NOCOUNT ON; INSERT INTO [wh].[member] ([member_id], [household_id], [name], [record_key]) OUTPUT INSERTED.[member_id] VALUES (@p0, " +
            "@p1, @p2, @p3);", 5 },
        { "UPDATE [m] SET [m].[name] = N'x' FROM [wh].[member] AS [m] WHERE [m].[record_key] = 1", 2 },
        { "UPDATE [wh].[member] SET [name] = @p0 OUTPUT 1 WHERE [member_id] = @p1;", 2 },
        { "MERGE [wh].[member] USING (VALUES (@p0, @p1, 0)) AS i ([member_id], [household_id], _Position) ON 1=0 WHEN NOT MATCHED THEN INSERT " +
            "([member_id], [household_id]) VALUES (i.[member_id], i.[household_id]) OUTPUT INSERTED.[member_id], i._Position;", 6 },
        { "DELETE FROM [wh].[member] WHERE [member_id] = @p0", 1 },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void Good_statement_binds(string sql, int columns)
    {
        var binder = new TSqlBinder(Catalogue());

        var problems = binder.Bind(sql);

        Assert.Empty(problems);
        Assert.Equal(columns, binder.ColumnReferences);
        Assert.Equal(0, binder.UncheckedColumnReferences);
    }

    public static TheoryData<string, string> Bad() => new()
    {
        { "SELECT [h].[nope] FROM [api].[households] AS [h]", "unknown column nope in api.households" },
        // The view renames village_code: the base table's name is not a column of the view.
        { "SELECT [h].[village_code] FROM [api].[households] AS [h]", "unknown column village_code" },
        { "SELECT [h].[household_id] FROM [api].[household] AS [h]", "unknown table or view api.household" },
        { "SELECT [h].[household_id] FROM [nope].[households] AS [h]", "unknown schema nope" },
        { "SELECT [x].[household_id] FROM [api].[households] AS [h]", "no table, view or alias x in scope" },
        { "SELECT nope FROM api.households", "unknown column nope: no source in scope has it" },
        { "SELECT [h].[household_id] FROM [api].[households] AS [h] WHERE EXISTS (SELECT 1 FROM [api].[members] AS [m] WHERE [m].[village] = [h].[village])",
            "unknown column village in api.members" },
        { "SELECT [s].[c] FROM (SELECT COUNT(*) AS [n] FROM [api].[households] AS [h]) AS [s]", "unknown column c in derived table s" },
        { "INSERT INTO [wh].[member] ([member_id], [nope]) VALUES (@p0, @p1)", "unknown column nope in wh.member" },
        { "UPDATE [wh].[member] SET [name] = @p0 OUTPUT INSERTED.[nope] WHERE [member_id] = @p1", "unknown column nope in INSERTED of wh.member" },
        { "SELECT [h].[household_id] FROM [api].[households] AS [h] WHERE", "parse error" },
        { "SELECT [h].[household_id] FROM other.[api].[households] AS [h]", "names another database" },
        { "DROP TABLE wh.member", "the binder does not know DropTableStatement" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Wrong_reference_is_a_problem(string sql, string expected)
    {
        var binder = new TSqlBinder(Catalogue());

        var problems = binder.Bind(sql);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_db_sqlserver_scripts_build_a_catalogue_without_problems()
    {
        var catalogue = TSqlObjectCatalogue.FromScripts(RepoPaths.Db("sqlserver"));

        Assert.Empty(catalogue.Problems);
        Assert.Contains("per_capita_net_income_fen", catalogue.Find("api", "households")!.Columns);
        Assert.Contains("record_key", catalogue.Find("api", "members")!.Columns);
        Assert.Contains("last_used_at", catalogue.Find("sec", "api_key")!.Columns);
        Assert.Contains(catalogue.Objects, o => o.IsView && o.Schema == "api" && o.Name == "household_incomes");
    }

    [Theory]
    [InlineData(
        "SELECT TOP(@p) [h].[household_id], [h].[per_capita_net_income_fen] FROM [api].[households] AS [h] WHERE [h].[village_code] = @v ORDER BY " +
        "[h].[per_capita_net_income_fen] DESC, [h].[household_id]", null)]
    // The base table's column that the view does not expose, and a view name of the SQLite dialect.
    [InlineData("SELECT [h].[household_id], [h].[record_key], [h].[bank_branch] FROM [api].[households] AS [h]",
        "unknown column bank_branch in api.households")]
    [InlineData("SELECT [a].[code] FROM [api_regions] AS [a]", "unknown table or view api_regions")]
    public void Statements_bind_against_the_real_scripts(string sql, string? expected)
    {
        var binder = new TSqlBinder(TSqlObjectCatalogue.FromScripts(RepoPaths.Db("sqlserver")));

        var problems = binder.Bind(sql);

        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        }
    }
}
