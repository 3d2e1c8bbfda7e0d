namespace Warehouse.Generation;

/// <summary>Chinese resident ID numbers (GB 11643-1999): area 6 + birth date 8 + sequence 3 + ISO 7064 MOD 11-2 check.</summary>
internal static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Exactly 17 digits are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            if (c is < '0' or > '9')
            {
                throw new ArgumentException("Only digits are allowed.", nameof(first17));
            }

            sum += (c - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>True when <paramref name="id"/> has 18 characters and a correct check character.</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != 18)
        {
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        return id[17] == CheckDigit(id.AsSpan(0, 17));
    }

    /// <summary>Builds an ID number; <paramref name="sequence"/> 0..999 (odd for men, even for women by convention).</summary>
    public static string Build(string areaCode, DateOnly birth, int sequence)
    {
        Span<char> buf = stackalloc char[18];
        areaCode.AsSpan().CopyTo(buf);
        Write(buf[6..], birth.Year, 4);
        Write(buf[10..], birth.Month, 2);
        Write(buf[12..], birth.Day, 2);
        Write(buf[14..], sequence, 3);
        buf[17] = CheckDigit(buf[..17]);
        return new string(buf);
    }

    private static void Write(Span<char> dest, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            dest[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
