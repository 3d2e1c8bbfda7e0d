using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>What verify found: per view, per rule, and whether the API can serve the warehouse.</summary>
public sealed class VerificationReport
{
    public required DatabaseProvider Provider { get; init; }

    /// <summary>The database as shown to the reader (file, or host and database; never a password).</summary>
    public required string Database { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>The plausible dates, inclusive (see <see cref="VerifyOptions.MinDate"/>).</summary>
    public required DateOnly MinDate { get; init; }
    public required DateOnly MaxDate { get; init; }
    internal IReadOnlyList<ViewSummary> Views { get; init; } = [];
    internal IReadOnlyList<RuleResult> Rules { get; init; } = [];

    /// <summary>No error rule failed and every statement ran: the API can serve this warehouse (warnings allowed).</summary>
    public bool Servable => !Rules.Any(r => (r.Severity == Severity.Error && !r.Passed) || r.Failures.Count > 0);

    public int FailedErrors => Rules.Count(r => r.Severity == Severity.Error && !r.Passed);
    public int FailedWarnings => Rules.Count(r => r.Severity == Severity.Warning && !r.Passed);
}
