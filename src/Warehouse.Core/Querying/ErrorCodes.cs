namespace Warehouse.Querying;

/// <summary>Error codes carried in <c>extensions.code</c> (GraphQL) and in 4xx bodies (exports).</summary>
public static class ErrorCodes
{
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string InvalidOrder = "INVALID_ORDER";
    public const string InvalidPaging = "INVALID_PAGING";
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";
    public const string FieldMasked = "FIELD_MASKED";
    public const string FieldHidden = "FIELD_HIDDEN";
    public const string RevealReasonRequired = "REVEAL_REASON_REQUIRED";
    public const string RevealNotAllowed = "REVEAL_NOT_ALLOWED";
    public const string RevealReasonInvalid = "REVEAL_REASON_INVALID";
    public const string RevealLimitExceeded = "REVEAL_LIMIT_EXCEEDED";
    public const string InvalidValue = "INVALID_VALUE";
    public const string Forbidden = "FORBIDDEN";
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string DatabaseBusy = "DATABASE_BUSY";
    /// <summary>No read replica reachable and Warehouse:ReadReplicas:FallbackToPrimary off (503); see docs/deployment.md.</summary>
    public const string ReplicaUnavailable = "REPLICA_UNAVAILABLE";
    public const string AuditUnavailable = "AUDIT_UNAVAILABLE";
    public const string StaleVersion = "STALE_VERSION";
    public const string InvalidPermission = "INVALID_PERMISSION";
    public const string InvalidAssignment = "INVALID_ASSIGNMENT";
    public const string InvalidApiKey = "INVALID_API_KEY";
    public const string NotFound = "NOT_FOUND";
    /// <summary>A protected aggregate was asked for something that singles out a person (an identifying key or filter, min/max).</summary>
    public const string ProtectedAggregate = "PROTECTED_AGGREGATE";
}
