using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Warehouse.Data;

namespace Warehouse.Benchmarks.Baselines;

/// <summary>
/// `Warehouse.Benchmarks baseline-server [--provider sqlite|postgresql] --connection CS --urls URL`: the bare endpoints the suite compares the API
/// with, in a process of their own so that each side of a ratio has its own process, as the API does.
/// </summary>
public static class BaselineServer
{
    public const string Verb = "baseline-server";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Arg("--connection") is not { } connection || Arg("--urls") is not { } urls)
        {
            await Console.Error.WriteLineAsync(
                "usage: baseline-server [--provider sqlite|postgresql] --connection <connection string> --urls <http://127.0.0.1:port>");
            return 2;
        }
        var provider = string.Equals(Arg("--provider"), "postgresql", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapBaselines(provider, connection);
        await app.RunAsync();
        return 0;
    }
}
