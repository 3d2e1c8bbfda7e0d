using System.Globalization;

namespace Warehouse.Load;

/// <summary>
/// What one load run may do. Every bound is enforced by <see cref="Validate"/>: loopback only (127.0.0.1),
/// at most <see cref="MaxClients"/> clients, <see cref="MaxSeconds"/> seconds and <see cref="MaxRequestLimit"/> requests.
/// </summary>
internal sealed class LoadOptions
{
    public const int MaxClients = 256;
    public const int MaxSeconds = 3600;
    public const long MaxRequestLimit = 10_000_000;

    /// <summary>Base address of the API; its host must be 127.0.0.1.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:5080/");
    public int Clients { get; set; } = 64;
    public int Seconds { get; set; } = 60;
    /// <summary>
    /// Seconds at the start that the RSS check leaves out: a new server's RSS climbs while the JIT, EF Core's query
    /// cache and the connection pools fill (about 15 s here), which is warm-up, not growth.
    /// </summary>
    public int WarmupSeconds { get; set; } = 15;
    /// <summary>The run stops after this many requests even if time is left.</summary>
    public long MaxRequests { get; set; } = 1_000_000;
    /// <summary>Base64 HMAC key of the server's local token issuer (Warehouse__Auth__LocalIssuer__SigningKey).</summary>
    public string? SigningKey { get; set; }
    /// <summary>Server process whose VmRSS is sampled (from --pid, or the process started with --start).</summary>
    public int? ServerPid { get; set; }
    /// <summary>With --start: the SQLite file the started server reads.</summary>
    public string? StartDatabase { get; set; }
    /// <summary>With --start: the built Warehouse.Api.dll (default: found under src/Warehouse.Api/bin).</summary>
    public string? ApiDll { get; set; }
    /// <summary>Where the report is written (markdown).</summary>
    public string Out { get; set; } = "load-report.md";
    /// <summary>Seconds before one request is given up (counted as an error).</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    public void Validate()
    {
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--url must be an absolute http(s) address, not '{Url}'.");
        }
        if (Url.Host != "127.0.0.1")
        {
            throw new ArgumentException($"--url must point at 127.0.0.1 (loopback only); '{Url.Host}' is refused.");
        }
        if (Clients is < 1 or > MaxClients)
        {
            throw new ArgumentException($"--clients must be between 1 and {MaxClients}.");
        }
        if (Seconds is < 1 or > MaxSeconds)
        {
            throw new ArgumentException($"--seconds must be between 1 and {MaxSeconds}.");
        }
        if (WarmupSeconds < 0 || WarmupSeconds >= Seconds)
        {
            throw new ArgumentException("--warmup must be at least 0 and less than --seconds.");
        }
        if (MaxRequests is < 1 or > MaxRequestLimit)
        {
            throw new ArgumentException($"--max-requests must be between 1 and {MaxRequestLimit.ToString("N0", CultureInfo.InvariantCulture)}.");
        }
        if (RequestTimeoutSeconds is < 1 or > 300)
        {
            throw new ArgumentException("--request-timeout must be between 1 and 300 seconds.");
        }
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            throw new ArgumentException(
                "A signing key is needed: --key, or the environment variable Warehouse__Auth__LocalIssuer__SigningKey (with --start a random one is made).");
        }
    }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions { SigningKey = Environment.GetEnvironmentVariable("Warehouse__Auth__LocalIssuer__SigningKey") };
        var start = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n : throw new ArgumentException($"{args[i]} needs a whole number.");
            switch (args[i])
            {
                case "--url": o.Url = Uri.TryCreate(Next(), UriKind.Absolute, out var u) ? u : throw new ArgumentException("--url is not an address."); break;
                case "--clients": o.Clients = Int(); break;
                case "--seconds": o.Seconds = Int(); break;
                case "--warmup": o.WarmupSeconds = Int(); break;
                case "--max-requests": o.MaxRequests = Int(); break;
                case "--key": o.SigningKey = Next(); break;
                case "--pid": o.ServerPid = Int(); break;
                case "--start": start = true; o.StartDatabase = Next(); break;
                case "--api": o.ApiDll = Next(); break;
                case "--out": o.Out = Next(); break;
                case "--request-timeout": o.RequestTimeoutSeconds = Int(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        if (start && o.ServerPid is not null)
        {
            throw new ArgumentException("Give --start or --pid, not both.");
        }
        return o;
    }
}
