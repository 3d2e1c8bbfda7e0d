namespace Warehouse.Security;

/// <summary>Kinds of audit record.</summary>
public static class AuditKinds
{
    public const string PermissionChange = "PERMISSION_CHANGE";
    public const string AssignmentChange = "ASSIGNMENT_CHANGE";
    /// <summary>An API key issued or revoked (detail names the key id and bound user, never the secret).</summary>
    public const string ApiKeyChange = "API_KEY_CHANGE";
    public const string Reveal = "REVEAL";
    public const string DataAccess = "DATA_ACCESS";
    public const string Export = "EXPORT";
    /// <summary>A protected aggregate (over records the reader may not read one by one): what was asked, how many groups came back, how many were
    /// withheld.</summary>
    public const string Aggregate = "AGGREGATE";
    /// <summary>An Explain of a request: the document hash and how many statements were planned (never values or plans).</summary>
    public const string Explain = "EXPLAIN";

    /// <summary>A file import (CLI or admin upload): file hash in document_hash, rows written in row_count, counts per entity in detail.</summary>
    public const string Import = "IMPORT";
}
