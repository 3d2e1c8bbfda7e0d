using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Import;

/// <summary>
/// POST /admin/import/{entity}: the admin loads a file through the same engine; data roles are refused; requests that
/// cannot be an import get a coded 4xx and write nothing (table fingerprints); a file with rejects answers 422 with them.
/// </summary>
public sealed class ImportEndpointTests : IDisposable
{
    private readonly WarehouseApp _app = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("warehouse-upload-test-").FullName;

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return form;
    }

    [Fact]
    public async Task The_admin_imports_a_file_and_a_bad_one_is_answered_with_its_rejects()
    {
        using var admin = _app.ClientFor("admin", null, user: "admin-import");
        var files = ImportFiles.Export(_app.Database, "households");
        var changed = (string)files[3, "household_id"]!;
        files[3, "wage_income_fen"] = "1.2万";
        var good = File.ReadAllBytes(files.SaveXlsx(_dir));

        var ok = await admin.PostAsync("/admin/import/households", Form(good, "村里导出.xlsx"));
        var body = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(body["committed"]!.GetValue<bool>());
        Assert.Equal(1, body["entities"]!["households"]!["updated"]!.GetValue<int>());
        Assert.Equal(1200000, Sql.Scalar(_app.Database, "SELECT wage_income_fen FROM household WHERE household_id = $id", ("$id", changed)));
        Assert.Equal(1,
            Sql.Scalar(_app.Database, "SELECT count(*) FROM sec_audit_record WHERE kind = 'IMPORT' AND user_id = 'admin-import' AND row_count = 1"));

        files[4, "household_size"] = "三";
        var before = Sql.Fingerprint(_app.Database, "household");
        var bad = await admin.PostAsync("/admin/import/households", Form(File.ReadAllBytes(files.SaveXlsx(_dir)), "村里导出.xlsx"));
        var rejects = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["rejects"]!.AsArray();

        Assert.Equal((HttpStatusCode)422, bad.StatusCode);
        var reject = Assert.Single(rejects)!;
        Assert.Equal("村里导出.xlsx", reject["file"]!.GetValue<string>());
        Assert.Equal(ImportFiles.Line(4), reject["row"]!.GetValue<int>());
        Assert.Equal("BAD_NUMBER", reject["code"]!.GetValue<string>());
        Assert.Equal(before, Sql.Fingerprint(_app.Database, "household"));
    }

    [Fact]
    public async Task Requests_that_cannot_be_an_import_get_a_coded_4xx_and_write_nothing()
    {
        var before = TableState.All(_app.Database);
        var files = ImportFiles.Export(_app.Database, "households");
        var xlsx = File.ReadAllBytes(files.SaveXlsx(_dir));
        using var admin = _app.ClientFor("admin", null, user: "admin-import");
        using var county = _app.ClientFor("county", "139901000000");

        async Task<(HttpStatusCode, string?)> Post(HttpClient client, string url, HttpContent content)
        {
            var response = await client.PostAsync(url, content);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)?["errors"]?[0]?["code"]?.GetValue<string>() : null);
        }

        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), await Post(county, "/admin/import/households", Form(xlsx, "h.xlsx")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PostAsync("/admin/import/households", Form(xlsx, "h.xlsx"))).StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "UNKNOWN_ENTITY"), await Post(admin, "/admin/import/regions", Form(xlsx, "h.xlsx")));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_FILE"), await Post(admin, "/admin/import/households", Form(xlsx, "h.txt")));
        Assert.Equal((HttpStatusCode.BadRequest, "NO_FILE"), await Post(admin, "/admin/import/households", new StringContent("{}")));
        Assert.Equal((HttpStatusCode.BadRequest, "NO_FILE"), await Post(admin, "/admin/import/households", Form([], "h.xlsx")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Post(admin, "/admin/import/households", Form(new byte[(64 << 20) + 1], "h.xlsx"))).Item1);
        var broken = await admin.PostAsync("/admin/import/households", Form([0x50, 0x4B, 3, 4, 9, 9], "h.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("BAD_FILE", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, TableState.All(_app.Database));
    }
}
