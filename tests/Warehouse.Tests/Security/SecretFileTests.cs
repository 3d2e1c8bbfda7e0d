using Warehouse.Http;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// The cursor and audit-redaction keys live in files made on first start. Hosts started side by side (the test
/// fixtures, two processes on one data directory) race to make them; every one must end with the same full key.
/// </summary>
public sealed class SecretFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warehouse-secret-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Starters_racing_for_a_new_key_all_read_the_same_full_key()
    {
        for (var round = 0; round < 40; round++)
        {
            var path = Path.Combine(_directory, $"round-{round}", "cursor.key");
            const int starters = 8;
            using var barrier = new Barrier(starters);
            var keys = new byte[starters][];
            var threads = Enumerable.Range(0, starters).Select(i => new Thread(() =>
            {
                barrier.SignalAndWait();
                keys[i] = SecretFile.ReadOrCreate(path);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(keys, k => Assert.Equal(32, k.Length));
            Assert.All(keys, k => Assert.Equal(keys[0], k));
            Assert.Equal(keys[0], Convert.FromBase64String(File.ReadAllText(path)));
            Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void A_key_survives_a_restart()
    {
        var path = Path.Combine(_directory, "audit.key");
        Assert.Equal(SecretFile.ReadOrCreate(path), SecretFile.ReadOrCreate(path));
    }

    [Fact]
    public void A_truncated_key_file_is_refused_with_the_path_not_used()
    {
        var path = Path.Combine(_directory, "short.key");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(path, Convert.ToBase64String(new byte[4]));
        var error = Assert.Throws<InvalidOperationException>(() => SecretFile.ReadOrCreate(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
