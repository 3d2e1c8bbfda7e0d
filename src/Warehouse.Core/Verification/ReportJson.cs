using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warehouse.Verification;

/// <summary>The report as JSON (verify --json), for scripts and CI: the same content as the text report.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(VerificationReport report) => JsonSerializer.Serialize(new
    {
        provider = report.Provider.ToString(),
        report.Database,
        today = report.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        minDate = report.MinDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        maxDate = report.MaxDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        report.Servable,
        report.FailedErrors,
        report.FailedWarnings,
        report.Views,
        rules = report.Rules.Select(r => new { rule = r.Rule, r.Severity, r.Description, r.Passed, r.Count, r.Views, r.Sample, r.Failures }),
    }, Options);
}
