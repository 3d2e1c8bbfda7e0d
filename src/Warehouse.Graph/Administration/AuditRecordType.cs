using GraphQL.Types;
using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>An audit record.</summary>
internal sealed class AuditRecordType : ObjectGraphType<AuditRecordRow>
{
    public AuditRecordType()
    {
        Name = "AuditRecord";
        Description = "An append-only audit record: permission and assignment changes (before/after), reveals (record, field, reason) and requests " +
            "that returned personal data (types, fields, rows).";
        Field(x => x.Id).Description("Increasing id; page with before.");
        Field(x => x.At).Description("When (UTC).");
        Field(x => x.UserId).Description("Who.");
        Field(x => x.Role, nullable: true).Description("Their role.");
        Field(x => x.Kind).Description("PERMISSION_CHANGE, ASSIGNMENT_CHANGE, REVEAL, DATA_ACCESS or EXPORT.");
        Field("type", x => x.TypeName, nullable: true).Description("Type concerned.");
        Field("field", x => x.FieldName, nullable: true).Description("Field concerned (changes, reveals).");
        Field(x => x.RecordId, nullable: true).Description("Record revealed.");
        Field(x => x.Reason, nullable: true).Description("Reason given for a reveal.");
        Field(x => x.Operation, nullable: true).Description("GraphQL operation name.");
        Field(x => x.DocumentHash, nullable: true).Description("Hash of the query text.");
        Field(x => x.RowCount, nullable: true).Description("Rows whose personal fields were returned.");
        Field(x => x.Detail, nullable: true).Description("JSON: before/after of a change, or the fields returned.");
    }
}
