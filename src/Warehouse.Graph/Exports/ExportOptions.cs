namespace Warehouse.Exports;

/// <summary>
/// The presentation parameters of an export: <c>bom</c>, <c>header</c>, <c>formulaGuard</c> (CSV injection
/// defence, on unless false; see <see cref="CsvFormulaGuard"/>), and gzip from Accept-Encoding.
/// </summary>
internal sealed record ExportOptions(bool Bom, bool Labels, bool Gzip, bool FormulaGuard = true)
{
    /// <summary>
    /// Rows per keyset page read from the database for an export, unless configured
    /// (<c>Warehouse:Exports:ReadPageRows</c>). Not the graph's page limit (500): that bounds what one client request may
    /// ask for, while an export streams the whole list anyway. Each page is one statement, so small pages spend their time
    /// on statement preparation and seeks (0.14–0.29x sqlite3 -csv at 500 rows); 10,000 rows are a few MB of plain values
    /// and a few tens of milliseconds of reading, so a long export still ends its read (on SQLite, its read transaction)
    /// every page instead of holding one for minutes, and a Parquet row group of the same size is filled by one page.
    /// </summary>
    public const int DefaultReadPageRows = 10_000;

    /// <summary>Fewest rows per export page accepted from configuration.</summary>
    public const int MinReadPageRows = 100;

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
