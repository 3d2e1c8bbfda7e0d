using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Deployment;

/// <summary>
/// Three API processes on one PostgreSQL copy of the county: A and B share a cursor secret (one fleet), C has
/// another. Nothing is started when the run has no PostgreSQL server (the tests are then skipped).
/// </summary>
public sealed class SeveralInstancesFixture : IAsyncLifetime
{
    public static readonly string FleetSecret = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
    public static readonly string OtherSecret = Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray());

    public TestDatabase Database { get; private set; } = null!;
    public ApiProcess A { get; private set; } = null!;
    public ApiProcess B { get; private set; } = null!;
    public ApiProcess C { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!PostgresServer.Available)
        {
            return;
        }
        Database = TestDatabase.Copy(DatabaseProvider.PostgreSql);
        var started = await Task.WhenAll(ApiProcess.StartAsync(Database, FleetSecret), ApiProcess.StartAsync(Database, FleetSecret),
            ApiProcess.StartAsync(Database, OtherSecret));
        (A, B, C) = (started[0], started[1], started[2]);
    }

    public async Task DisposeAsync()
    {
        foreach (var api in new[] { A, B, C })
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }
        Database?.Dispose();
    }
}
