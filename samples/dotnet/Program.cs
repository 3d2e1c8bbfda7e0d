using WarehouseClientSample;
// Pages through every household below 8,500 元 with cursors, typed with records, no client library.
// Run: dotnet run --project samples/dotnet -- http://localhost:5080 <token>
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

var baseUrl = args.Length > 0 ? args[0] : "http://localhost:5080";
var token = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("WAREHOUSE_TOKEN") ?? throw new ArgumentException("token: second argument or WAREHOUSE_TOKEN");
using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
http.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");

const string query = """
    query Below($line: Decimal!, $after: String) {
      households(where: { perCapitaNetIncome: { lt: $line } }, order: [{ perCapitaNetIncome: ASC }], first: 500, after: $after) {
        nodes { id villageCode perCapitaNetIncome monitoredAt }
        pageInfo { hasNextPage endCursor }
      }
    }
    """;
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
string? after = null;
var total = 0m;
var count = 0;
do
{
    // Money goes out as a string ("8500.00") and comes back as a JSON number read into decimal: no binary float.
    using var response = await http.PostAsJsonAsync("/graphql", new { query, variables = new { line = "8500.00", after } }, json);
    var body = await response.Content.ReadFromJsonAsync<GraphResponse<BelowData>>(json)
               ?? throw new InvalidOperationException($"HTTP {(int)response.StatusCode} with no body");
    foreach (var error in body.Errors ?? [])
    {
        Console.Error.WriteLine($"{error.Extensions?.Code}: {error.Message}");
    }
    var page = body.Data?.Households ?? throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: no data");
    foreach (var h in page.Nodes)
    {
        total += h.PerCapitaNetIncome ?? 0;
        count++;
    }
    after = page.PageInfo.HasNextPage ? page.PageInfo.EndCursor : null;
}
while (after is not null);
Console.WriteLine($"{count} households below 8,500 元; mean per-capita income {(count == 0 ? 0 : Math.Round(total / count, 2))} 元");
