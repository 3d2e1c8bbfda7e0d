namespace Warehouse.Api.PersistedDocuments;

/// <summary>Persisted documents (configuration section <c>Warehouse:PersistedDocuments</c>).</summary>
public sealed class PersistedDocumentOptions
{
    public const string Section = "Warehouse:PersistedDocuments";

    /// <summary>Allow-list mode: only registered documents run (by documentId); raw query text is refused.</summary>
    public bool AllowOnlyPersisted { get; set; }
    /// <summary>Roles that may still send raw queries in allow-list mode (e.g. admin, for the console).</summary>
    public List<string> ExemptRoles { get; set; } = ["admin"];
}
