namespace Warehouse.Verification;

/// <summary>How bad a failed rule is for serving the warehouse.</summary>
internal enum Severity
{
    /// <summary>The API cannot serve the warehouse as it is (queries fail, rows are scoped wrongly or read wrongly): verify exits 1.</summary>
    Error,
    /// <summary>The API serves it, but some answers will be incomplete or odd (a relation that resolves to nothing, an implausible date).</summary>
    Warning,
}
