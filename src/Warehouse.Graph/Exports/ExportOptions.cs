namespace Warehouse.Exports;

/// <summary>
/// The presentation parameters of an export: <c>bom</c>, <c>header</c>, <c>formulaGuard</c> (CSV injection
/// defence, on unless false; see <see cref="CsvFormulaGuard"/>), and gzip from Accept-Encoding.
/// </summary>
internal sealed record ExportOptions(bool Bom, bool Labels, bool Gzip, bool FormulaGuard = true)
{
    public static ExportOptions Read(HttpRequest request)
    {
        var query = request.Query;
        var bom = Boolean(query["bom"].ToString(), "bom", defaultValue: false);
        var formulaGuard = Boolean(query["formulaGuard"].ToString(), "formulaGuard", defaultValue: true);
        var labels = query["header"].ToString().Trim().ToLowerInvariant() switch
        {
            "" or "names" => false,
            "labels" => true,
            var other => throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.InvalidParameter,
                $"header: expected names or labels, got '{other}'."),
        };
        var gzip = request.GetTypedHeaders().AcceptEncoding
            .Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
        return new ExportOptions(bom, labels, gzip, formulaGuard);
    }

    /// <summary>A boolean query parameter: empty gives the default; anything but true/false/1/0/yes/no is a 400.</summary>
    // Only the two documented values (docs/bi-feeds.md): a script sending bom=1 or bom=yes learns it at once
    // instead of depending on synonyms the documentation never promised.
    private static bool Boolean(string text, string name, bool defaultValue) => text.Trim().ToLowerInvariant() switch
    {
        "" => defaultValue,
        "false" => false,
        "true" => true,
        var other => throw new ExportProblem(StatusCodes.Status400BadRequest, ExportCodes.InvalidParameter, $"{name}: expected true or false, got '{other}'."),
    };
}
