using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.Exceptions;
using Warehouse.Limits;
using Warehouse.Observability;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// Parses, validates and measures a document once instead of on every request. Texts are parsed once for all
/// roles and kept least-recently-used first, bounded by count and by characters (<see cref="DocumentCacheOptions"/>);
/// under each text, the verdict of the document rules is kept per role schema (<see cref="SchemaKey"/>: role, admin,
/// permission version) and operation. Only passes are kept, and only what does not depend on the variables: the
/// request still runs <see cref="ValidationRuleSets.ForRequest"/>. A permission change raises the version, so the
/// same text is validated again against the new schema before it runs: a cached verdict cannot let a field through
/// that has since been hidden.
/// </summary>
internal sealed class DocumentCache(DocumentCacheOptions options, IDocumentValidator validator, ValidationRuleSets rules)
{
    /// <summary>GraphQLParser's nesting limit for the syntax tree; deeper documents are refused, not run.</summary>
    public const int ParserMaxDepth = 128;

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<ParsedDocument>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<ParsedDocument> _recency = new();
    private long _characters;
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byText.Count;
            }
        }
    }

    /// <summary>The parsed text, from the cache or parsed now (and kept when it parsed and fits).</summary>
    public ParsedDocument Parse(string text)
    {
        lock (_gate)
        {
            if (_byText.TryGetValue(text, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }
        }
        var parsed = ParseNew(text);
        if (parsed.Document is null || text.Length > options.MaxCharacters)
        {
            return parsed; // refused or unparsable texts are not kept: they cost a client as much every time
        }
        lock (_gate)
        {
            if (_byText.TryGetValue(text, out var raced))
            {
                return raced.Value;
            }
            _byText[text] = _recency.AddFirst(parsed);
            _characters += text.Length;
            while (_byText.Count > options.MaxDocuments || _characters > options.MaxCharacters)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _byText.Remove(last.Value.Text);
                _characters -= last.Value.Text.Length;
                DocumentCacheMetrics.Evictions.Add(1);
            }
        }
        return parsed;
    }

    /// <summary>
    /// The document and the rules still to run for this request, validating the document for the role's schema on
    /// a miss. Errors of the document rules refuse the request here; nothing is executed.
    /// </summary>
    public async Task<Preparation> PrepareAsync(ParsedDocument parsed, ISchema schema, SchemaKey key, string? operationName,
        GraphRequestContext request, IServiceProvider? services, CancellationToken ct)
    {
        if (parsed.Document is not { } document)
        {
            // GraphQL.NET parses the text again and reports the syntax error with its code and location.
            return new Preparation(null, rules.Document);
        }
        if (parsed.Operation(operationName) is not { } operation)
        {
            // GraphQL.NET refuses an unselectable operation before validating; an over-limit document is still
            // refused for its limit first.
            return rules.DocumentLimits.Refusal(document, schema, null, null, request) is { } refusal
                ? new Preparation(document, [], [refusal])
                : new Preparation(document, rules.Document);
        }
        if (parsed.Validated(key, operation) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            DocumentCacheMetrics.Hits.Add(1);
            return new Preparation(document, rules.ForRequest(cached, schema));
        }
        Interlocked.Increment(ref _misses);
        DocumentCacheMetrics.Misses.Add(1);
        var result = await validator.ValidateAsync(new ValidationOptions
        {
            Document = document,
            Rules = rules.Document,
            Operation = operation,
            Schema = schema,
            UserContext = request,
            RequestServices = services,
            CancellationToken = ct,
            Metrics = GraphQL.Instrumentation.Metrics.None,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        }).ConfigureAwait(false);
        // Validated without values, a non-null variable is "missing": the only errors that say nothing about the
        // document. GraphQL.NET reports them after every rule has passed, so their presence means the rules passed.
        var errors = result.Errors.Where(e => e is not InvalidVariableError).ToList();
        if (errors.Count > 0)
        {
            var refused = new ExecutionErrors();
            refused.AddRange(errors);
            return new Preparation(document, [], refused);
        }
        var validated = new ValidatedDocument(operation, request.Cost?.ReadsVariables ?? true);
        parsed.Remember(key, validated);
        return new Preparation(document, rules.ForRequest(validated, schema));
    }

    private static ParsedDocument ParseNew(string text)
    {
        try
        {
            return new ParsedDocument(text, GraphQLParser.Parser.Parse(text, new GraphQLParser.ParserOptions { MaxDepth = ParserMaxDepth }), null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // Not measurable, so not run: the executor's own parser would fail on it without a code.
            return new ParsedDocument(text, null,
                new ExecutionError($"The document nests deeper than {ParserMaxDepth} levels of syntax and is not run.") { Code = LimitErrors.MaxDepth });
        }
        catch (GraphQLParserException)
        {
            return new ParsedDocument(text, null, null);
        }
    }
}
