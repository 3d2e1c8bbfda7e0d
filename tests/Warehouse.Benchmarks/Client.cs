using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks;

/// <summary>A loopback HTTP client (one pooled handler) that reads every body to the end.</summary>
public sealed class Client : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromMinutes(10) };

    public readonly record struct Response(HttpStatusCode Status, string Text, long Bytes);

    public static byte[] GraphQLBody(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    public async Task<Response> PostAsync(ServerProcess server, string path, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, Encoding.UTF8.GetString(bytes), bytes.Length);
    }

    public async Task<Response> GetAsync(ServerProcess server, string pathAndQuery)
    {
        using var response = await _http.GetAsync(new Uri(server.Address, pathAndQuery));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, Encoding.UTF8.GetString(bytes), bytes.Length);
    }

    /// <summary>Streams a GET to the end, counting bytes and newlines (CSV rows) without keeping the body.</summary>
    public async Task<(HttpStatusCode Status, long Bytes, long Lines)> StreamAsync(ServerProcess server, string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        return (response.StatusCode, bytes, lines);
    }

    public void Dispose() => _http.Dispose();
}
