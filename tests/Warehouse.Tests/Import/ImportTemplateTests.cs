using MiniExcelLibs;
using Warehouse.Catalogue;
using Warehouse.Import.Specs;
using Warehouse.Import.Templates;
using Warehouse.Import.Validation;
using Xunit;

namespace Warehouse.Tests.Import;

/// <summary>The templates: headers are the catalogue's labels, the example row is valid, the notes sheet lists every column.</summary>
public sealed class ImportTemplateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("warehouse-template-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Entities() => [.. ImportEntities.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Entities))]
    public void The_template_has_the_catalogue_labels_a_valid_example_and_notes(string name)
    {
        var spec = ImportEntities.Require(name);
        var path = Path.Combine(_dir, name + ".xlsx");

        TemplateWriter.Write(spec, path);

        var entity = WarehouseCatalogue.Default.Entities.Single(e => e.ListField == name);
        Assert.Equal([entity.Label, TemplateWriter.NotesSheet], MiniExcel.GetSheetNames(path));
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: entity.Label).Cast<IDictionary<string, object?>>().ToList();
        var example = Assert.Single(rows);
        var expectedHeaders = spec.Columns.Select(c => (c.Column == entity.Key.Column ? entity.Key : entity.Fields.Single(f => f.Column == c.Column)).Label);
        Assert.Equal(expectedHeaders, example.Keys);
        foreach (var column in spec.Columns)
        {
            var parsed = CellParser.Parse(column, example[column.Header]?.ToString());
            Assert.True(parsed.IsOk, $"{name}.{column.Column} example '{column.Example}': {parsed.Error}");
        }
        var notes = MiniExcel.Query(path, useHeaderRow: true, sheetName: TemplateWriter.NotesSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(spec.Columns.Select(c => c.Header), notes.Select(n => n[TemplateWriter.NotesHeaders[0]]?.ToString()));
        Assert.All(notes, n => Assert.False(string.IsNullOrEmpty(n[TemplateWriter.NotesHeaders[3]]?.ToString())));
    }

    [Fact]
    public void Every_reject_code_has_both_reasons() =>
        Assert.All(RejectCodes.All, c => Assert.True(RejectCodes.Chinese(c).Length > 0 && RejectCodes.English(c).Length > 0 && RejectCodes.Code(c).Length > 0));
}
