namespace Warehouse.PersistedDocuments;

/// <summary>Persisted documents (configuration section <c>Warehouse:PersistedDocuments</c>).</summary>
internal sealed class PersistedDocumentOptions
{
    public const string Section = "Warehouse:PersistedDocuments";

    /// <summary>Allow-list mode: only registered documents run (by documentId); raw query text is refused.</summary>
    public bool AllowOnlyPersisted { get; set; }
    /// <summary>
    /// Roles that may still send raw queries in allow-list mode; unset means admin (for the console). Null rather
    /// than a pre-filled list, because the configuration binder appends to a pre-filled collection instead of
    /// replacing it, which would make admin impossible to remove.
    /// </summary>
    public string[]? ExemptRoles { get; set; }

    public bool IsExempt(string role) => (ExemptRoles ?? ["admin"]).Contains(role, StringComparer.Ordinal);
}
