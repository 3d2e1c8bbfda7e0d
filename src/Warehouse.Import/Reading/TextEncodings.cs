using System.Text;

namespace Warehouse.Import.Reading;

/// <summary>
/// CSV exports come as UTF-8 (with or without a byte-order mark) or GB18030 (what Excel on a Chinese Windows
/// writes). A file that is not valid UTF-8 is read as GB18030; GB18030 covers GBK and GB2312.
/// </summary>
internal static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static Encoding Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(stream.Length, 4 << 20)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, read);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(false);
        }
        // Cut at the last complete character, so a sample that ends inside a UTF-8 sequence still validates.
        var end = span.Length;
        while (end > 0 && end > span.Length - 4 && (span[end - 1] & 0xC0) == 0x80)
        {
            end--;
        }
        if (end > 0 && span[end - 1] >= 0xC0)
        {
            end--;
        }
        return System.Text.Unicode.Utf8.IsValid(span[..end]) ? new UTF8Encoding(false) : Gb18030;
    }
}
