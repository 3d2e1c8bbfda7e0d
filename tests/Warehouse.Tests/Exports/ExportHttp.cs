using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>Calls the export endpoints and pages through the graph for the same arguments.</summary>
public static class ExportHttp
{
    public sealed record Response(int Status, byte[] Body, string? ContentType, string? ContentEncoding)
    {
        public string Text => Encoding.UTF8.GetString(Body);
        public JsonObject Json => JsonNode.Parse(Text)!.AsObject();
    }

    public static async Task<Response> GetAsync(HttpClient client, string url, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Response((int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString(),
            string.Join(",", response.Content.Headers.ContentEncoding));
    }

    /// <summary>A successful CSV export, parsed (header row first).</summary>
    public static async Task<List<List<string>>> CsvAsync(HttpClient client, string url)
    {
        var response = await GetAsync(client, url);
        Assert.True(response.Status == 200, $"HTTP {response.Status}: {response.Text}");
        return Rfc4180.Parse(response.Text);
    }

    public static string Url(string file, string? fields = null, string? where = null, string? order = null, string? extra = null)
    {
        var parts = new List<string>();
        if (fields is not null)
        {
            parts.Add("fields=" + Uri.EscapeDataString(fields));
        }
        if (where is not null)
        {
            parts.Add("where=" + Uri.EscapeDataString(where));
        }
        if (order is not null)
        {
            parts.Add("order=" + Uri.EscapeDataString(order));
        }
        if (extra is not null)
        {
            parts.Add(extra);
        }
        return "/export/" + file + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    /// <summary>All nodes of a root list through the graph, page by page (500 per page), with the same where/order.</summary>
    public static async Task<List<JsonObject>> GraphNodesAsync(HttpClient client, string rootField, string selection, string? where, string? order,
        string filterType, string sortType)
    {
        var nodes = new List<JsonObject>();
        string? after = null;
        while (true)
        {
            var query = $"query($where: {filterType}, $order: [{sortType}!], $after: String) {{ "
            + $"{rootField}(first: 500, where: $where, order: $order, after: $after) {{ nodes {{ {selection} }} pageInfo {{ hasNextPage endCursor }} }} }}";
            var variables = new JsonObject
            {
                ["where"] = where is null ? null : JsonNode.Parse(where),
                ["order"] = order is null ? null : JsonNode.Parse(order),
                ["after"] = after,
            };
            var data = await WarehouseApp.DataAsync(client, query, variables);
            var connection = data[rootField]!;
            nodes.AddRange(connection["nodes"]!.AsArray().Select(n => n!.AsObject()));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return nodes;
            }
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    /// <summary>The documented CSV text of a graph value: money with two decimals, lists joined with ';', null empty.</summary>
    public static string CsvText(JsonNode? value, bool money) => value switch
    {
        null => "",
        JsonArray list => string.Join(";", list.Select(v => v!.GetValue<string>())),
        JsonValue v when money => v.GetValue<decimal>().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>Follows a dotted path (household.perCapitaNetIncome) in a graph node.</summary>
    public static JsonNode? At(JsonObject node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current?[part];
        }
        return current;
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
