using GraphQL.Validation;
using Warehouse.Graph.Pipeline;
using Warehouse.Limits;
using Warehouse.Querying;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>The cache's memory bound: by count and by characters, least recently used first; refusals are not kept.</summary>
public sealed class DocumentCacheBoundTests
{
    private static DocumentCache Cache(int documents, long characters) =>
        new(new DocumentCacheOptions { MaxDocuments = documents, MaxCharacters = characters }, new DocumentValidator(),
            new ValidationRuleSets(new LimitsOptions(), new PagingOptions(),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" }));

    [Theory]
    [InlineData(3, 1_000_000, 3)]
    [InlineData(100, 40, 2)] // each text is 18 characters
    public void Keeps_within_the_bound(int documents, long characters, int expected)
    {
        var cache = Cache(documents, characters);
        for (var i = 0; i < 10; i++)
        {
            cache.Parse($"{{ regions{i} {{ x }} }}");
        }
        Assert.Equal(expected, cache.Count);
    }

    [Fact]
    public void The_least_recently_used_goes_first()
    {
        var cache = Cache(2, 1_000_000);
        var a = cache.Parse("{ a }");
        cache.Parse("{ b }");
        Assert.Same(a, cache.Parse("{ a }")); // a is now the most recent
        cache.Parse("{ c }");                 // evicts b
        Assert.Same(a, cache.Parse("{ a }"));
        Assert.Equal(2, cache.Count);
    }

    [Theory]
    [InlineData("{ a ")]
    [InlineData("query {")]
    public void Unparsable_texts_are_not_kept(string text)
    {
        var cache = Cache(10, 1_000_000);
        Assert.Null(cache.Parse(text).Document);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Too_deep_a_document_is_refused_with_a_code_and_not_kept()
    {
        var cache = Cache(10, 1_000_000);
        var deep = cache.Parse("{ " + string.Concat(Enumerable.Repeat("a { ", 200)) + "b" + new string('}', 201));
        Assert.Equal(LimitErrors.MaxDepth, deep.Refusal?.Code);
        Assert.Equal(0, cache.Count);
    }
}
