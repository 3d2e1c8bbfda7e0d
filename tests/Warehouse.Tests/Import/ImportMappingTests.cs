using System.Globalization;
using Warehouse.Data;
using Warehouse.Import.Loading;
using Warehouse.Import.Mapping;
using Warehouse.Import.Reading;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Import;

/// <summary>
/// A second layout through a mapping file: a GB18030 CSV named otherwise, with other headers, 贫困户/一般户 for the
/// household attribute, incomes in 万元, dates as dd/MM/yyyy and 有/没有 flags. Loading it must store exactly what
/// the warehouse holds (so nothing changes), and a changed value must arrive converted.
/// </summary>
public sealed class ImportMappingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("warehouse-mapping-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Mapping = """
        {
          // The county's export of 户信息 (GB18030 CSV).
          "entities": {
            "households": {
              "sheets": ["hh_export"],
              "columns": {
                "户编码": "household_id", "村级区划代码": "village_code", "户类型": "householdAttr",
                "工资收入（万元）": "wage_income_fen", "识别时间": "识别日期", "是否搬迁": "relocated"
              },
              "values": { "household_attr": { "贫困户": "脱贫户", "一般户": "一般农户" }, "relocated": { "有": "是", "没有": "否" } },
              "units": { "wage_income_fen": "万元" },
              "dateFormats": { "monitoredAt": ["dd/MM/yyyy"] }
            }
          }
        }
        """;

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public void A_second_layout_loads_through_a_mapping_file(DatabaseProvider provider)
    {
        using var db = TestDatabase.Copy(provider);
        var files = ImportFiles.Export(db, "households");
        var renames = new Dictionary<string, string>
        {
            [files.H("household_id")] = "户编码", [files.H("village_code")] = "村级区划代码", [files.H("household_attr")] = "户类型",
            [files.H("wage_income_fen")] = "工资收入（万元）", [files.H("monitored_at")] = "识别时间", [files.H("relocated")] = "是否搬迁",
        };
        foreach (var row in files.Rows)
        {
            row[files.H("household_attr")] = (string)row[files.H("household_attr")]! == "脱贫户" ? "贫困户" : "一般户";
            row[files.H("wage_income_fen")] = (decimal.Parse((string)row[files.H("wage_income_fen")]!, CultureInfo.InvariantCulture) / 10_000m)
                .ToString(CultureInfo.InvariantCulture);
            if (row[files.H("monitored_at")] is string d)
            {
                row[files.H("monitored_at")] = DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    .ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            }
            row[files.H("relocated")] = (string)row[files.H("relocated")]! == "是" ? "有" : "没有";
        }
        var changed = (string)files[5, "household_id"]!;
        files[5, "wage_income_fen"] = "1.5";
        var csv = files.SaveCsv(Path.Combine(_dir, "hh_export.csv"), TextEncodings.Gb18030, renames);
        var mappingPath = Path.Combine(_dir, "mapping.json");
        File.WriteAllText(mappingPath, Mapping);
        var before = Sql.Strings(db, "SELECT household_id || '|' || updated_at FROM household WHERE household_id <> $id ORDER BY household_id",
            ("$id", changed));

        Assert.Equal(TextEncodings.Gb18030.WebName, TextEncodings.Detect(csv).WebName);
        var result = ImportEngine.Run(ImportFiles.Options(db), [csv], new ImportOptions { Mapping = MappingFile.Load(mappingPath) });

        Assert.True(result.Committed, string.Join("\n", result.Rejects.Take(5).Select(r => $"{r.Row} {r.Column} {r.Value} {r.CodeText}")));
        Assert.Empty(result.Rejects);
        Assert.Equal(1, result.Entities["households"].Updated);
        Assert.Equal(files.Rows.Count - 1, result.Entities["households"].Unchanged);
        Assert.Equal(1_500_000, Sql.Scalar(db, "SELECT wage_income_fen FROM household WHERE household_id = $id", ("$id", changed)));
        Assert.Equal(before, Sql.Strings(db, "SELECT household_id || '|' || updated_at FROM household WHERE household_id <> $id ORDER BY household_id",
            ("$id", changed)));
    }

    [Fact]
    public void Without_the_mapping_the_other_layout_is_refused()
    {
        using var db = TestDatabase.Copy();
        var files = ImportFiles.Export(db, "households");
        var csv = files.SaveCsv(Path.Combine(_dir, "hh_export.csv"), TextEncodings.Gb18030, new Dictionary<string,
            string>
        { [files.H("household_id")] = "户编码" });

        var result = ImportEngine.Run(ImportFiles.Options(db), [csv], new ImportOptions { Entity = "households" });

        Assert.False(result.Committed);
        Assert.Contains(result.Rejects, r => r.Code == Warehouse.Import.Validation.RejectCode.MissingColumn && r.Column == files.H("household_id"));
        Assert.Contains(result.Rejects, r => r.Code == Warehouse.Import.Validation.RejectCode.UnknownColumn && r.Column == "户编码");
    }
}
