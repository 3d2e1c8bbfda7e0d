namespace Warehouse.Exports;

/// <summary>
/// CSV injection defence (OWASP "CSV Injection"): a spreadsheet evaluates a cell that starts with =, +, - or @
/// (and, in some programs, after a leading tab or CR) as a formula, which can run commands or send data away
/// (=HYPERLINK, DDE). Text cells starting with one of those characters get a leading <c>'</c>, which Excel and
/// LibreOffice read as "this is text" and do not display. Applied only to text values taken from the data;
/// numbers, dates and booleans written by the exporter's own formatter (such as negative money, -1500.50) are
/// never prefixed, so they stay numbers. Turned off per request with <c>formulaGuard=false</c>.
/// </summary>
internal static class CsvFormulaGuard
{
    /// <summary>Characters that make a spreadsheet treat a cell as a formula.</summary>
    public static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text as written to the CSV: prefixed with ' when it starts with a trigger character.</summary>
    public static string Neutralise(string text) => text.Length > 0 && IsTrigger(text[0]) ? "'" + text : text;
}
