using System.Globalization;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Tries to read too much through the exports' plain data reader (keyset pages read with a DbDataReader, shaped per
/// column): another region's rows, an ungranted field, a masked field, a minor's record. Pages of 100 rows, so every
/// export here runs through many keyset continuations (and an order on a minor-shadowed field, whose sort value is an
/// extra column of the page). Expected rows and values come from plain SQL on the test database. On both providers:
/// the reader maps each provider's column types itself (SQLite's storage classes, PostgreSQL's types).
/// </summary>
public sealed class PlainReaderLeakTests : IDisposable
{
    private const int PageRows = 100;
    private WarehouseApp _app = null!;

    public static TheoryData<DatabaseProvider> Each => Providers.Each();

    private WarehouseApp Start(DatabaseProvider provider) =>
        _app = new WarehouseApp(provider, ("Warehouse:Exports:ReadPageRows", PageRows.ToString(CultureInfo.InvariantCulture)));

    [ProviderTheory]
    [MemberData(nameof(Each))]
    public async Task Township_export_has_its_rows_only_with_masks_and_minors_shaped(DatabaseProvider provider)
    {
        var db = Start(provider).Database;
        var township = Sql.Strings(db, "SELECT code FROM region WHERE level='TOWNSHIP' ORDER BY code LIMIT 1")[0];
        var client = _app.ClientFor("township", township);
        // workMonths is covered by the minors rule: minors sort as if it were missing (last, descending), never by value.
        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv", "id,villageCode,name,idNumber,gender,birthDate,relation",
            order: """[{"workMonths":"DESC"}]"""));
        var expected = Sql.Strings(db,
            $"SELECT member_id || '|' || village_code || '|' || name || '|' || id_number || '|' || gender || '|' || birth_date || '|' || relation || '|' || " +
            $"CASE WHEN {Minors.Adult()} THEN 1 ELSE 0 END FROM member WHERE township_code = @t " +
            // Missing values last in a descending order, as the API orders them on both providers.
            $"ORDER BY (CASE WHEN {Minors.Adult()} THEN work_months END) IS NULL, CASE WHEN {Minors.Adult()} THEN work_months END DESC, member_id",
            ("@t", township))
            .Select(r => r.Split('|')).ToList();

        Assert.Equal(["id", "villageCode", "name", "idNumber", "gender", "birthDate", "relation"], csv[0]);
        var rows = csv.Skip(1).ToList();
        Assert.True(expected.Count > 3 * PageRows, $"too few rows ({expected.Count}) for several pages");
        Assert.Contains(expected, e => e[7] == "0");
        Assert.Equal(expected.Select(e => e[0]), rows.Select(r => r[0]));
        for (var i = 0; i < rows.Count; i++)
        {
            var (e, r) = (expected[i], rows[i]);
            var adult = e[7] == "1";
            Assert.Equal(e[1], r[1]);
            // Name: full for the township, masked (surname kept, one * per other character) on a minor's record.
            if (adult)
            {
                Assert.Equal(e[2], r[2]);
            }
            else
            {
                Assert.Equal(e[2].Length, r[2].Length);
                Assert.Equal(e[2][0], r[2][0]);
                Assert.EndsWith("*", r[2], StringComparison.Ordinal);
                Assert.NotEqual(e[2], r[2]);
            }
            // idNumber is masked for the township on every row: the first three characters only.
            Assert.Equal(e[3][..3] + new string('*', e[3].Length - 3), r[3]);
            // gender and relation have no mask: withheld (empty) on a minor's record.
            Assert.Equal(adult ? e[4] : "", r[4]);
            Assert.Equal(adult ? e[6] : "", r[6]);
            // birthDate is masked to the year for the township.
            Assert.Equal(e[5][..4], r[5]);
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Each))]
    public async Task Village_export_has_no_other_region_rows_and_masked_references(DatabaseProvider provider)
    {
        var db = Start(provider).Database;
        var village = Sql.Strings(db, "SELECT village_code FROM member GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1")[0];
        var client = _app.ClientFor("village", village);
        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv", "id,idNumber,disabilityTypeGrade,household.villageCode"));
        var expected = Sql.Strings(db,
            "SELECT m.member_id || '|' || m.id_number || '|' || COALESCE(m.disability_type_grade, '') || '|' || h.village_code " +
            "FROM member m JOIN household h ON h.household_id = m.household_id WHERE m.village_code = @v ORDER BY m.member_id", ("@v", village))
            .Select(r => r.Split('|')).ToList();
        var rows = csv.Skip(1).ToList();
        Assert.True(expected.Count > PageRows, $"too few rows ({expected.Count}) for several pages");
        Assert.Equal(expected.Select(e => e[0]), rows.Select(r => r[0]));
        Assert.Contains(expected, e => e[2].Length > 0);
        for (var i = 0; i < rows.Count; i++)
        {
            var (e, r) = (expected[i], rows[i]);
            Assert.Equal(e[1][..3] + new string('*', e[1].Length - 3), r[1]);
            // The village reads the disability's type only (肢体三级 → 肢体): never the grade.
            var grade = e[2].IndexOfAny(['一', '二', '三', '四']);
            Assert.Equal(grade > 0 ? e[2][..grade] : e[2], r[2]);
            Assert.Equal(village, r[3]);
            Assert.Equal(e[3], r[3]);
        }
        // Nothing of another village, whichever page it would have come in.
        var others = Sql.Scalar(db, "SELECT COUNT(*) FROM member WHERE village_code <> @v", ("@v", village));
        Assert.True(others > 0);
    }

    [ProviderTheory]
    [MemberData(nameof(Each))]
    public async Task County_export_has_no_minors_and_no_ungranted_field(DatabaseProvider provider)
    {
        var db = Start(provider).Database;
        var client = _app.ClientFor("county", "139901000000");
        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv", "id,householdId,workMonths"));
        var expected = Sql.Strings(db, $"SELECT member_id FROM member WHERE {Minors.Adult()} ORDER BY member_id");
        Assert.True(Sql.Scalar(db, $"SELECT COUNT(*) FROM member WHERE NOT ({Minors.Adult()})") > 0, "no minors to leave out");
        Assert.Equal(expected, csv.Skip(1).Select(r => r[0]));

        // A field no data role may read is refused before any data, and the default field set leaves it out.
        var hidden = await ExportHttp.GetAsync(client, ExportHttp.Url("members.csv", "id,diseaseName"));
        Assert.Equal(400, hidden.Status);
        Assert.Contains("FIELD_HIDDEN", hidden.Text, StringComparison.Ordinal);
        var all = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv"));
        Assert.DoesNotContain("diseaseName", all[0]);
        Assert.DoesNotContain("disabilityCertNo", all[0]);
        var diseases = Sql.Strings(db, "SELECT DISTINCT disease_name FROM member WHERE disease_name IS NOT NULL").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(diseases);
        Assert.DoesNotContain(all.Skip(1).SelectMany(r => r), diseases.Contains);
        Assert.Equal(expected.Count, all.Count - 1);
    }

    public void Dispose() => _app?.Dispose();
}
