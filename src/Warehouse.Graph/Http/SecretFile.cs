using System.Security.Cryptography;

namespace Warehouse.Http;

/// <summary>
/// A random key kept in a file next to the embedded database, so it survives restarts. Instances behind a load
/// balancer must share one configured value instead (Warehouse:Paging:CursorSecret).
/// </summary>
public static class SecretFile
{
    private const int MinimumBytes = 16;

    /// <summary>
    /// Reads the key, or makes one. Several starters may race here (two hosts in one process, two processes on one
    /// data directory). Only one can create the file (create-new is exclusive; a rename is not, since .NET checks
    /// and then renames), and the others may find it empty for a moment while the winner writes, so a reader
    /// retries for a short while before it calls a file too short to be a key.
    /// </summary>
    public static byte[] ReadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (true)
        {
            if (TryCreate(path) is { } created)
            {
                return created;
            }
            var read = TryRead(path);
            if (read is { Length: >= MinimumBytes })
            {
                return read;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"The key file {path} holds {read?.Length ?? 0} bytes, not a key; delete it to have a new key made.");
            }
            Thread.Sleep(10);
        }
    }

    private static byte[]? TryCreate(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            var key = RandomNumberGenerator.GetBytes(32);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            // Still being written by the starter that created it.
            return null;
        }
    }
}
