using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.PersistedDocuments;

/// <summary>A registered document.</summary>
internal sealed class PersistedDocumentType : ObjectGraphType<PersistedDocumentRow>
{
    public PersistedDocumentType()
    {
        Name = "PersistedDocument";
        Description = "A registered GraphQL document. Call it by sending documentId instead of query.";
        Field(x => x.DocumentId).Description("sha256:<hex of the document text>.");
        Field(x => x.Name, nullable: true).Description("A name to find it by.");
        Field(x => x.Query).Description("The document text.");
        Field(x => x.CreatedAt).Description("When it was registered (UTC).");
        Field(x => x.CreatedBy).Description("Who registered it.");
    }
}
