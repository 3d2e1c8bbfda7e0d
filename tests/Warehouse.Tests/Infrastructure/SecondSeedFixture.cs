namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// One read-only app over the second generated county (another seed, 1,500 households), so a test that compares the
/// API with SQL holds on more than one county: expected numbers change with the data, definitions do not. One app
/// per provider, like <see cref="AppFixture"/>.
/// </summary>
public sealed class SecondSeedFixture() : AppFixture(p => new WarehouseApp(TestDatabase.CopySecond(p)));
