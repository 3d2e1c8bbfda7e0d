using System.Security.Cryptography;

namespace Warehouse.Http;

/// <summary>
/// A random key kept in a file next to the embedded database, so it survives restarts. Instances behind a load
/// balancer must share one configured value instead (Warehouse:Paging:CursorSecret).
/// </summary>
public static class SecretFile
{
    public static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
