namespace Warehouse.Api.Exports;

/// <summary>The presentation parameters of an export: <c>bom</c>, <c>header</c>, and gzip from Accept-Encoding.</summary>
internal sealed record ExportOptions(bool Bom, bool Labels, bool Gzip)
{
    public static ExportOptions Read(HttpRequest request)
    {
        var query = request.Query;
        // Only the two documented values (docs/bi-feeds.md): a script sending bom=1 or bom=yes learns it at once
        // instead of depending on synonyms the documentation never promised.
        var bom = query["bom"].ToString().Trim().ToLowerInvariant() switch
        {
            "" or "false" => false,
            "true" => true,
            var other => throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.InvalidParameter, $"bom: expected true or false, got '{other}'."),
        };
        var labels = query["header"].ToString().Trim().ToLowerInvariant() switch
        {
            "" or "names" => false,
            "labels" => true,
            var other => throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.InvalidParameter, $"header: expected names or labels, got '{other}'."),
        };
        var gzip = request.GetTypedHeaders().AcceptEncoding
            .Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
        return new ExportOptions(bom, labels, gzip);
    }
}
