using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Deployment;

/// <summary>
/// The server does not watch its settings files: the watch covers the content root recursively, where the SQLite
/// database lives by default, so every database write would wake it (docs/performance.md).
/// </summary>
public sealed class ConfigurationReloadTests
{
    [Fact]
    public void No_settings_file_is_watched_for_changes()
    {
        using var app = new WarehouseApp();
        var root = Assert.IsAssignableFrom<IConfigurationRoot>(app.Services.GetRequiredService<IConfiguration>());
        var json = root.Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.NotEmpty(json); // appsettings.json is read; only its watch is off
        Assert.All(json, p => Assert.False(p.Source.ReloadOnChange, $"{p.Source.Path} is watched"));
    }

    [Theory]
    [InlineData(new string[0], "false")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, "false")]
    [InlineData(new[] { "--hostBuilder:reloadConfigOnChange=true" }, "true")]
    public void The_operator_can_turn_the_reload_back_on(string[] args, string expected)
    {
        // The command-line provider lets the last occurrence of a key win, which is why ours goes first.
        var configuration = new ConfigurationBuilder().AddCommandLine(Warehouse.Api.Hosting.HostArguments.For(args)).Build();
        Assert.Equal(expected, configuration["hostBuilder:reloadConfigOnChange"]);
    }
}
