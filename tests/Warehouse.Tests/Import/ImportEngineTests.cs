using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Import.Loading;
using Warehouse.Import.Templates;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Import;

/// <summary>
/// The import engine on the generator's county exported in the template layout: a re-import changes nothing; files
/// with injected errors of every kind give exactly the expected reject lines and write nothing (table fingerprints
/// before and after), or with AcceptValid write exactly the valid rows; new rows get their region codes from the
/// referenced rows. Expected values come from plain SQL, not from the import code.
/// </summary>
public sealed class ImportEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("warehouse-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public void Reimporting_the_exported_county_changes_nothing(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);
        var files = WarehouseExporter.ExportAll(ImportFiles.Options(db), _dir);
        var before = TableState.All(db);
        var expected = TableState.Imported.ToDictionary(t => t.Table, t => Sql.Scalar(db, $"SELECT count(*) FROM {t.Table}"));

        var result = ImportEngine.Run(ImportFiles.Options(db), [_dir], new ImportOptions { User = "tester" });

        Assert.Empty(result.Rejects);
        Assert.True(result.Committed);
        Assert.Equal(expected["household"], result.Entities["households"].Unchanged);
        Assert.Equal(expected["member"], result.Entities["members"].Unchanged);
        Assert.Equal(expected["assistance"], result.Entities["assistance"].Unchanged);
        Assert.Equal(expected["employment"], result.Entities["jobs"].Unchanged);
        Assert.All(result.Entities.Values, c => Assert.Equal(0, c.Inserted + c.Updated + c.Rejected));
        Assert.Equal(8, files.Count);
        // Every value, updated_at and record_key included, is as it was.
        Assert.Equal(before, TableState.All(db));
        Assert.Equal(1,
            Sql.Scalar(db, "SELECT count(*) FROM sec_audit_record WHERE kind = 'IMPORT' AND user_id = 'tester' AND document_hash = $h AND row_count = 0",
            ("$h", result.FileHash)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public void Injected_errors_are_each_reported_and_nothing_is_written(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);
        var (paths, expected, _) = Inject(db);
        var before = TableState.All(db);

        var result = ImportEngine.Run(ImportFiles.Options(db), paths, new ImportOptions());

        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Rejects.Select(Line).Order(StringComparer.Ordinal));
        Assert.False(result.Committed);
        Assert.Equal(before, TableState.All(db));
        Assert.Equal(1, Sql.Scalar(db, "SELECT count(*) FROM sec_audit_record WHERE kind = 'IMPORT' AND document_hash = $h AND row_count = 0",
            ("$h", result.FileHash)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public void Accept_valid_writes_the_valid_rows_and_moves_updated_at_only_where_a_value_changed(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);
        var (paths, expected, changes) = Inject(db);
        var stamps = Stamps(db, "household", "household_id");
        var memberStamps = Stamps(db, "member", "member_id");
        var households = Sql.Scalar(db, "SELECT count(*) FROM household");

        var result = ImportEngine.Run(ImportFiles.Options(db), paths, new ImportOptions { AcceptValid = true });

        Assert.True(result.Committed);
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Rejects.Select(Line).Order(StringComparer.Ordinal));
        // The two changed households (1.2万, 2023.4.12 and 1,234.50元) and the one new one.
        Assert.Equal(2, result.Entities["households"].Updated);
        Assert.Equal(1, result.Entities["households"].Inserted);
        Assert.Equal(households + 1, Sql.Scalar(db, "SELECT count(*) FROM household"));
        Assert.Equal(1200000, Sql.Scalar(db, "SELECT wage_income_fen FROM household WHERE household_id = $id", ("$id", changes.Wage)));
        Assert.Equal("2023-04-12", Sql.Text(db, "SELECT monitored_at FROM household WHERE household_id = $id", ("$id", changes.Monitored)));
        Assert.Equal(123450, Sql.Scalar(db, "SELECT transfer_income_fen FROM household WHERE household_id = $id", ("$id", changes.Monitored)));
        // Rejected rows keep what the warehouse had.
        Assert.Equal(changes.RejectedVillage, Sql.Text(db, "SELECT village_code FROM household WHERE household_id = $id", ("$id", changes.RejectedHousehold)));

        var after = Stamps(db, "household", "household_id");
        var moved = after.Where(a => stamps.TryGetValue(a.Key, out var s) && s != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { changes.Wage, changes.Monitored }.Order(StringComparer.Ordinal), moved);
        var memberMoved = Stamps(db, "member", "member_id").Count(a => memberStamps.TryGetValue(a.Key, out var s) && s != a.Value);
        Assert.Equal(0, memberMoved);

        // The new member took its region codes from its new household, and a record key.
        Assert.Equal(1, Sql.Scalar(db,
            "SELECT count(*) FROM member m JOIN household h ON h.household_id = m.household_id JOIN region r ON r.code = h.village_code "
            + "WHERE m.member_id = 'M9000002-01' AND m.village_code = h.village_code AND m.township_code = r.township_code AND m.county_code = " +
                "r.county_code AND m.record_key > 0"));
        Assert.Equal(0, Sql.Scalar(db, "SELECT count(*) FROM member WHERE member_id = 'M9000001-01'"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public void Deleted_rows_are_inserted_again_with_their_derived_columns(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);
        const string Columns = "assist_id, household_id, member_id, county_code, township_code, village_code, category, item, start_date, " +
            "end_date, amount_fen, period, channel, ref_id, cadre_name, cadre_phone";
        var expected = Sql.Strings(db, $"SELECT {Concat(Columns)} FROM assistance ORDER BY assist_id");
        var path = ImportFiles.Export(db, "assistance").SaveXlsx(_dir);
        Sql.Execute(db, "DELETE FROM assistance");

        var result = ImportEngine.Run(ImportFiles.Options(db), [path], new ImportOptions());

        Assert.True(result.Committed, string.Join("\n", result.Rejects.Take(5).Select(Line)));
        Assert.Equal(expected.Count, result.Entities["assistance"].Inserted);
        Assert.Equal(expected, Sql.Strings(db, $"SELECT {Concat(Columns)} FROM assistance ORDER BY assist_id"));
        Assert.Equal(0, Sql.Scalar(db, "SELECT count(*) FROM assistance WHERE record_key <= 0"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public void Unreadable_files_unknown_sheets_and_missing_columns_write_nothing(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);
        var broken = Path.Combine(_dir, "members.xlsx");
        File.WriteAllBytes(broken, [0x50, 0x4B, 1, 2, 3, 4, 5]);
        var households = ImportFiles.Export(db, "households");
        var unknown = households.SaveCsv(Path.Combine(_dir, "export.csv"), new System.Text.UTF8Encoding(false));
        foreach (var row in households.Rows)
        {
            row.Remove(households.H("household_attr"));
        }
        var missing = households.SaveCsv(Path.Combine(_dir, "households.csv"), new System.Text.UTF8Encoding(true));
        var before = TableState.All(db);

        var result = ImportEngine.Run(ImportFiles.Options(db), [broken, unknown, missing], new ImportOptions());

        Assert.False(result.Committed);
        Assert.Equal(
            new[] { "members.xlsx||0||BAD_FILE", "export.csv|export|0||UNKNOWN_SHEET",
                $"households.csv|households|1|{households.H("household_attr")}|MISSING_COLUMN" },
            result.Rejects.Select(Line));
        Assert.Equal(households.Rows.Count, result.Entities["households"].Rejected);
        Assert.Equal(before, TableState.All(db));
    }

    private static string Line(Warehouse.Import.Reports.Reject r) => $"{r.File}|{r.Sheet}|{r.Row}|{r.Column}|{r.CodeText}";

    private static string Concat(string columns) => string.Join(" || '|' || ", columns.Split(", ").Select(c => $"coalesce(CAST({c} AS TEXT), '~')"));

    private static Dictionary<string, string> Stamps(TestDatabase db, string table, string key) =>
        Sql.Strings(db, $"SELECT {key} || '|' || updated_at FROM {table}").Select(s => s.Split('|')).ToDictionary(p => p[0], p => p[1]);

    private sealed record Changes(string Wage, string Monitored, string RejectedHousehold, string RejectedVillage);

    /// <summary>
    /// Households, members and assistance files with one injected error of each kind at known rows, two valid
    /// changes, one new household with a member, a rejected new household with a member, and an extra column.
    /// </summary>
    private (string[] Paths, List<string> Expected, Changes Changes) Inject(TestDatabase db)
    {
        var h = ImportFiles.Export(db, "households");
        var m = ImportFiles.Export(db, "members");
        var a = ImportFiles.Export(db, "assistance");
        var expected = new List<string>();
        void Expect(ImportFiles f, int row, string column, string code) =>
            expected.Add($"{f.Entity.Name}.xlsx|{f.Entity.Label}|{ImportFiles.Line(row)}|{f.H(column)}|{code}");

        var township = Sql.Text(db, "SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1")!;
        var rejectedHousehold = (string)h[0, "household_id"]!;
        var rejectedVillage = (string)h[0, "village_code"]!;
        h[0, "village_code"] = "139901999999"; Expect(h, 0, "village_code", "REGION_NOT_FOUND");
        h[1, "village_code"] = township; Expect(h, 1, "village_code", "REGION_WRONG_LEVEL");
        h[2, "village_code"] = "13990110120"; Expect(h, 2, "village_code", "BAD_REGION_CODE");
        h[3, "wage_income_fen"] = "1.2万元x"; Expect(h, 3, "wage_income_fen", "BAD_MONEY");
        h[4, "business_income_fen"] = "12.345"; Expect(h, 4, "business_income_fen", "MONEY_PRECISION");
        h[5, "household_size"] = "0"; Expect(h, 5, "household_size", "OUT_OF_RANGE");
        h[6, "household_size"] = "三"; Expect(h, 6, "household_size", "BAD_NUMBER");
        h[7, "household_attr"] = "贫困户"; Expect(h, 7, "household_attr", "NOT_IN_VOCABULARY");
        h[7, "risk_types"] = "因病、因穷"; Expect(h, 7, "risk_types", "NOT_IN_VOCABULARY");
        h[8, "monitored_at"] = "2023.2.30"; Expect(h, 8, "monitored_at", "BAD_DATE");
        h[8, "relocated"] = "也许"; Expect(h, 8, "relocated", "BAD_FLAG");
        h[9, "household_attr"] = ""; Expect(h, 9, "household_attr", "REQUIRED");
        h[13, "household_id"] = h[12, "household_id"]; Expect(h, 13, "household_id", "DUPLICATE_KEY");
        h[14, "address"] = new string('组', 201); Expect(h, 14, "address", "TOO_LONG");
        // Valid changes, in the forms clerks type.
        var wage = (string)h[10, "household_id"]!;
        h[10, "wage_income_fen"] = "1.2万";
        var monitored = (string)h[11, "household_id"]!;
        h[11, "monitored_at"] = "2023.4.12";
        h[11, "transfer_income_fen"] = "1,234.50元";
        // The same values in other forms change nothing.
        h[15, "wage_income_fen"] = Yuan((string)h[15, "wage_income_fen"]!);
        // New households: one rejected (no size), one valid; a member of each.
        var newRejected = new Dictionary<string, object?>(h.Rows[16]) { [h.H("household_id")] = "H9000001", [h.H("household_size")] = null };
        var newValid = new Dictionary<string, object?>(h.Rows[16]) { [h.H("household_id")] = "H9000002" };
        h.Rows.Add(newRejected); Expect(h, h.Rows.Count - 1, "household_size", "REQUIRED");
        h.Rows.Add(newValid);
        foreach (var row in h.Rows)
        {
            row["备注"] = "x";
        }
        expected.Add("households.xlsx|农户|1|备注|UNKNOWN_COLUMN");

        m[0, "id_number"] = Flip((string)m[0, "id_number"]!); Expect(m, 0, "id_number", "ID_CHECK_DIGIT");
        m[1, "id_number"] = ((string)m[1, "id_number"]!)[..17]; Expect(m, 1, "id_number", "BAD_ID_NUMBER");
        m[3, "id_number"] = m[2, "id_number"]; m[3, "birth_date"] = m[2, "birth_date"]; Expect(m, 3, "id_number", "DUPLICATE_VALUE");
        m[4, "birth_date"] = "1900-01-01"; Expect(m, 4, "birth_date", "ID_BIRTH_MISMATCH");
        m[5, "household_id"] = "H9999999"; Expect(m, 5, "household_id", "REFERENCE_NOT_FOUND");
        m[6, "relation"] = "表哥"; Expect(m, 6, "relation", "NOT_IN_VOCABULARY");
        var birth = DateOnly.Parse((string)m[7, "birth_date"]!, System.Globalization.CultureInfo.InvariantCulture);
        m[7, "birth_date"] = $"{birth.Year}年{birth.Month}月{birth.Day}日";
        var template = m.Rows[8];
        m.Rows.Add(new Dictionary<string, object?>(template)
        {
            [m.H("member_id")] = "M9000001-01", [m.H("household_id")] = "H9000001",
            [m.H("id_number")] = IdNumbers.Build("139901", new DateOnly(1980, 1, 1), 901), [m.H("birth_date")] = "1980-01-01",
        });
        Expect(m, m.Rows.Count - 1, "household_id", "REFERENCE_REJECTED");
        m.Rows.Add(new Dictionary<string, object?>(template)
        {
            [m.H("member_id")] = "M9000002-01", [m.H("household_id")] = "H9000002",
            [m.H("id_number")] = IdNumbers.Build("139901", new DateOnly(1980, 1, 2), 903), [m.H("birth_date")] = "1980.1.2",
        });

        var first = a.Rows.FindIndex(r => r[a.H("member_id")] is null);
        // A member of another household, valid in the file and in the warehouse.
        var other = m.Rows.Skip(8).First(r => (string?)r[m.H("household_id")] != (string?)a[first, "household_id"]);
        a[first, "member_id"] = other[m.H("member_id")]; Expect(a, first, "member_id", "REFERENCE_MISMATCH");
        a[first + 1, "amount_fen"] = "两千"; Expect(a, first + 1, "amount_fen", "BAD_MONEY");

        return ([h.SaveXlsx(_dir), m.SaveXlsx(_dir), a.SaveXlsx(_dir)], expected, new Changes(wage, monitored, rejectedHousehold, rejectedVillage));
    }

    /// <summary>"1234.50" → "1,234.50元": the same amount as a clerk might type it.</summary>
    private static string Yuan(string amount) => decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)
        .ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture) + "元";

    private static string Flip(string id) => id[..17] + (id[17] == '0' ? '1' : '0');
}
