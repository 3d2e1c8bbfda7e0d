using GraphQL.Validation;
using GraphQLParser.AST;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Graph.Validation;

/// <summary>
/// FIELD_MASKED as a validation error: the role reads the field masked, so it may not filter or sort by it. Same code
/// and message as the query compilers give (<see cref="FieldGuard.Masked"/>), located at the node.
/// </summary>
internal sealed class FieldMaskedError : ValidationError
{
    public FieldMaskedError(ValidationContext context, AccessContext access, FieldDef field, string usage, ASTNode node)
        : base(context.Document.Source, null, FieldGuard.Masked(access, field, usage).Message, node)
    {
        Code = ErrorCodes.FieldMasked;
    }
}
