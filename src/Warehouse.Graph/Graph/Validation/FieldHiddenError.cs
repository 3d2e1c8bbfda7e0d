using GraphQL.Validation;
using GraphQLParser.AST;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Graph.Validation;

/// <summary>
/// FIELD_HIDDEN as a validation error: the field exists in the catalogue but not for this role. Same code and
/// message as the query compiler and the exports give (<see cref="FieldGuard.Hidden"/>), located at the node.
/// </summary>
internal sealed class FieldHiddenError : ValidationError
{
    public FieldHiddenError(ValidationContext context, AccessContext access, FieldDef field, ASTNode node)
        : base(context.Document.Source, null, FieldGuard.Hidden(access, field).Message, node)
    {
        Code = ErrorCodes.FieldHidden;
    }
}
