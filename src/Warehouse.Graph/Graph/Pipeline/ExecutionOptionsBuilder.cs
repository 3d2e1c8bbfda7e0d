using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// The execution options of one request in one place: the role's schema, the prepared document with the rules it
/// still needs (so GraphQL.NET neither parses nor runs the document rules again), the request context the
/// resolvers read, and the error policy. The cancellation token is set by <see cref="DeadlineExecution"/>.
/// </summary>
internal sealed class ExecutionOptionsBuilder(ILogger<GraphRequestHandler> logger)
{
    public ExecutionOptions Build(ISchema schema, GraphQLRequest request, Preparation prepared, GraphRequestContext context, IServiceProvider services) => new()
    {
        Schema = schema,
        Query = request.Query,
        Document = prepared.Document,
        ValidationRules = prepared.Rules,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        UserContext = context,
        RequestServices = services,
        UnhandledExceptionDelegate = c => ErrorPolicy.OnUnhandled(c, logger),
    };
}
