using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// What the document cache hands the executor: the parsed document and the rules still to run for this request,
/// or the errors that refuse it without running (<see cref="Errors"/>, answered as a request error).
/// </summary>
internal sealed record Preparation(GraphQLDocument? Document, IEnumerable<IValidationRule> Rules, ExecutionErrors? Errors = null);
