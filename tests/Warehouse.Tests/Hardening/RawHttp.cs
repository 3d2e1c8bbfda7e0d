using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// Sends bytes as they are over a TCP socket and reads the one HTTP/1.1 response (Content-Length or chunked), for
/// framing no HttpClient will produce: bad chunk sizes, bodies shorter than their Content-Length, unterminated
/// chunked bodies, duplicate headers.
/// </summary>
internal static class RawHttp
{
    public sealed record Response(int Status, string Body);

    /// <param name="port">The loopback port of the server.</param>
    /// <param name="request">The raw bytes to send, as they are.</param>
    /// <param name="halfClose">Shut down the sending side after the bytes (the client gives up mid-body).</param>
    /// <param name="wait">How long to wait for the answer.</param>
    public static async Task<Response> SendAsync(int port, byte[] request, bool halfClose, TimeSpan wait)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        await stream.FlushAsync();
        if (halfClose)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }
        using var received = new MemoryStream();
        using var cts = new CancellationTokenSource(wait);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Parse(received.ToArray(), closed: false) is { } complete)
                {
                    return complete;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The server closed or reset the connection, or said nothing in time: judged on what arrived.
        }
        // Status 0: the server closed the connection without an answer.
        return Parse(received.ToArray(), closed: true) ?? new Response(0, Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>The response when all of it has arrived (a body without length ends when the connection closes), else null.</summary>
    private static Response? Parse(byte[] bytes, bool closed)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToLookup(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = bytes.AsSpan(end + 4);
        if (headers["Transfer-Encoding"].Any(v => v.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            var decoded = new MemoryStream();
            var position = 0;
            while (true)
            {
                var lineEnd = body[position..].IndexOf("\r\n"u8);
                if (lineEnd < 0)
                {
                    return null;
                }
                var size = Convert.ToInt32(Encoding.Latin1.GetString(body.Slice(position, lineEnd)).Split(';')[0], 16);
                position += lineEnd + 2;
                if (size == 0)
                {
                    return new Response(status, Encoding.UTF8.GetString(decoded.ToArray()));
                }
                if (body.Length < position + size + 2)
                {
                    return null;
                }
                decoded.Write(body.Slice(position, size));
                position += size + 2;
            }
        }
        if (!headers["Content-Length"].Any())
        {
            // HTTP/1.0 style: the body is everything until the server closes.
            return closed ? new Response(status, Encoding.UTF8.GetString(body)) : null;
        }
        var length = int.Parse(headers["Content-Length"].First(), System.Globalization.CultureInfo.InvariantCulture);
        return body.Length >= length ? new Response(status, Encoding.UTF8.GetString(body[..length])) : null;
    }
}
