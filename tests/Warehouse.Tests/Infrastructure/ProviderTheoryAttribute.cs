using Warehouse.Data;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// A theory whose data rows name a <see cref="DatabaseProvider"/> (see <see cref="Providers"/>): it runs once per
/// provider, and a PostgreSQL row is reported as skipped, naming the package, when the run has no PostgreSQL server
/// (plain <c>dotnet test</c> without ./test.sh).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Warehouse.Tests.Infrastructure.ProviderTheoryDiscoverer", "Warehouse.Tests")]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

/// <summary>Skips the PostgreSQL rows of a <see cref="ProviderTheoryAttribute"/> theory when no server is configured.</summary>
public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        return dataRow.Any(v => v is DatabaseProvider.PostgreSql) && !PostgresServer.Available
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, PostgresServer.SkipReason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}

/// <summary>Data rows for <see cref="ProviderTheoryAttribute"/> theories: every provider the tests run on, crossed with other rows.</summary>
public static class Providers
{
    /// <summary>The providers every database test runs on (SQL Server has no server here; see SqlServerIntegrationTests).</summary>
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    public static TheoryData<DatabaseProvider> Each()
    {
        var data = new TheoryData<DatabaseProvider>();
        foreach (var provider in All)
        {
            data.Add(provider);
        }
        return data;
    }

    public static TheoryData<DatabaseProvider, T> With<T>(params T[] values)
    {
        var data = new TheoryData<DatabaseProvider, T>();
        foreach (var provider in All)
        {
            foreach (var value in values)
            {
                data.Add(provider, value);
            }
        }
        return data;
    }

    public static TheoryData<DatabaseProvider, T1, T2> With<T1, T2>(TheoryData<T1, T2> rows)
    {
        var data = new TheoryData<DatabaseProvider, T1, T2>();
        foreach (var provider in All)
        {
            foreach (var row in rows)
            {
                data.Add(provider, (T1)row[0], (T2)row[1]);
            }
        }
        return data;
    }

    public static TheoryData<DatabaseProvider, T1, T2, T3> With<T1, T2, T3>(TheoryData<T1, T2, T3> rows)
    {
        var data = new TheoryData<DatabaseProvider, T1, T2, T3>();
        foreach (var provider in All)
        {
            foreach (var row in rows)
            {
                data.Add(provider, (T1)row[0], (T2)row[1], (T3)row[2]);
            }
        }
        return data;
    }
}
