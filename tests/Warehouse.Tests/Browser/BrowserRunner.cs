using System.Diagnostics;
using System.Text.Json.Nodes;
using Warehouse.Tests.Database;
using Warehouse.Tests.Infrastructure;

using Xunit;

namespace Warehouse.Tests.Browser;

/// <summary>Browser tests run alone, after the rest, so two Chromiums and the other tests don't share two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

/// <summary>
/// Runs a scenario of tests/browser/ui.mjs (playwright-core from src/Warehouse.Web/node_modules, driving Debian's
/// headless Chromium) against a real Kestrel server on 127.0.0.1 and a free port, in Development with the local
/// issuer, on a private copy of the test warehouse.
/// </summary>
internal static class BrowserRunner
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromMinutes(4);

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Screenshots go to docs/images when WAREHOUSE_UPDATE_SCREENSHOTS=1, else to TestResults/browser.</summary>
    public static string ScreenshotDir => Environment.GetEnvironmentVariable("WAREHOUSE_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepoPaths.Root, "docs", "images")
        : Path.Combine(RepoPaths.Root, "TestResults", "browser");

    /// <summary>A real server: Kestrel on a free loopback port, Development environment, local issuer on.</summary>
    public static (WarehouseApp App, string BaseUrl) StartServer()
    {
        RequireTools();
        var app = new WarehouseApp(("environment", "Development"));
        return (app, app.StartOnLoopback().ToString().TrimEnd('/'));
    }

    public static async Task<JsonObject> RunAsync(string scenario, string baseUrl, params string[] args)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "browser", "ui.mjs");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { script, scenario, baseUrl, ScreenshotDir }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["CHROMIUM_PATH"] = ChromiumPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(ScenarioTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"Browser scenario '{scenario}' did not finish within {ScenarioTimeout.TotalMinutes} minutes.\n{await stdout}\n{await stderr}");
        }
        var output = await stdout;
        var errors = await stderr;
        Assert.True(process.ExitCode == 0,
            $"Browser scenario '{scenario}' failed (exit {process.ExitCode}); screenshot in {ScreenshotDir}.\n{output}\n{errors}");
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        Assert.True(line is not null, $"Browser scenario '{scenario}' printed no RESULT line.\n{output}\n{errors}");
        return JsonNode.Parse(line!["RESULT ".Length..])!.AsObject();
    }

    private static void RequireTools()
    {
        Assert.True(File.Exists(ChromiumPath),
            $"Chromium is not installed at {ChromiumPath}: the browser tests need Debian's chromium and chromium-driver " +
            "(apt-get install chromium chromium-driver; .ci/run installs them), or CHROMIUM_PATH set to a Chromium binary.");
        var playwright = Path.Combine(RepoPaths.Root, "src", "Warehouse.Web", "node_modules", "playwright-core", "package.json");
        Assert.True(File.Exists(playwright),
            $"{playwright} is missing: it is installed by the API's build (npm ci in src/Warehouse.Web); build without -p:WarehouseWebBuild=false.");
    }
}
