using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>Tools do not ship in the product: the benchmark's unauthenticated baselines are not served by the API, whatever the settings say.</summary>
public sealed class ProductSurfaceTests
{
    [Theory]
    [InlineData("/benchmark/baseline/households-simple?county=139901000000")]
    [InlineData("/benchmark/baseline/households-page?county=139901000000&belowFen=850000&monitorType=x&first=5")]
    public async Task The_benchmark_baselines_are_not_part_of_the_api(string path)
    {
        using var app = new WarehouseApp(("Warehouse:Benchmark:BaselineEndpoints", "true"));
        using var client = app.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
