using System.Globalization;
using System.Text;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Tests.Security;

/// <summary>
/// Counts, by enumeration, the clear values consistent with what a role sees of one row: the masked output of the
/// field (computed by the real <see cref="Masks"/> code on each candidate and compared with what the role got) plus
/// what the role reads of the row's other fields (full, masked or hidden, from its real grants). Each kind of mask
/// has its adversary model: the structure an attacker knows about the value (GB 11643 for ID numbers: area code of
/// the county, birth date, sequence whose last digit's parity is the gender, check digit) and the other fields that
/// pin it down. Enumeration stops at <c>cap</c>, so a result equal to the cap means "at least that many".
/// </summary>
public static class MaskCandidates
{
    /// <summary>What a role knows of the row: the value it gets for a field (full or masked text), or null when hidden.</summary>
    public delegate (Access Access, object? Shown) View(string fieldName);

    /// <summary>Characters a hidden character of a name may be: the 3,755 common characters of GB 2312 level 1.</summary>
    public static readonly IReadOnlyList<char> NameCharacters = CommonCharacters();

    public static long Count(FieldDef field, object row, string observed, View view, long cap)
    {
        var stored = PropertyAccessors.Getter(field.Property)(row);
        string Mask(object candidate) => Masks.Apply(field.Mask, candidate, name => PropertyAccessors.Get(row, name))!;
        return field.Mask switch
        {
            MaskKind.IdNumber => IdNumbers(row, field, observed, view, cap),
            MaskKind.DateToYear => BirthDates(row, field, observed, view, cap),
            MaskKind.Phone or MaskKind.BankAccount or MaskKind.PersonPayeeAccount => Positions((string)stored!, "0123456789", observed, Mask, cap),
            MaskKind.PersonName or MaskKind.PersonPayeeName => Positions((string)stored!, NameCharacters, observed, Mask, cap),
            MaskKind.Address => Enumerate(AddressCandidates((string)stored!), observed, Mask, cap),
            MaskKind.GeoPoint => Enumerate(GeoCandidates((string)stored!), observed, Mask, cap),
            MaskKind.Category => Enumerate(new[] { "一级", "二级", "三级", "四级" }.Select(g => Category((string)stored!) + g), observed, Mask, cap),
            _ => throw new InvalidOperationException($"No adversary model for mask {field.Mask} ({field.QualifiedName}): add one before using the mask."),
        };
    }

    /// <summary>
    /// GB 11643: 6-digit area (the county's code: the worst case, as most members were born in the county),
    /// 8-digit birth date, 3-digit sequence (odd for men, even for women), MOD 11-2 check character.
    /// </summary>
    private static long IdNumbers(object row, FieldDef field, string observed, View view, long cap)
    {
        var area = ((string)PropertyAccessors.Get(row, "CountyCode")!)[..6];
        var parity = Parity(view);
        long count = 0;
        foreach (var date in BirthDatesSeen(row, field.Entity, view))
        {
            for (var seq = 0; seq < 1000; seq++)
            {
                if (parity is { } p && seq % 2 != p)
                {
                    continue;
                }
                var candidate = Warehouse.Generation.IdNumbers.Build(area, date, seq);
                if (Masks.Apply(MaskKind.IdNumber, candidate, _ => null) == observed && ++count >= cap)
                {
                    return count;
                }
            }
        }
        return count;
    }

    /// <summary>Birth dates consistent with the masked date and with what the role sees of the ID number, which embeds the date.</summary>
    private static long BirthDates(object row, FieldDef field, string observed, View view, long cap)
    {
        var area = ((string)PropertyAccessors.Get(row, "CountyCode")!)[..6];
        var parity = Parity(view);
        var id = field.Entity.Fields.FirstOrDefault(f => f.Mask == MaskKind.IdNumber) is { } idField ? view(idField.Name) : (Access.Hidden, null);
        long count = 0;
        foreach (var date in AllDates())
        {
            if (Masks.Apply(MaskKind.DateToYear, date, _ => null) != observed)
            {
                continue;
            }
            var consistent = id.Access switch
            {
                Access.Full => ((string)id.Shown!).Substring(6, 8) == date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                Access.Masked => Enumerable.Range(0, 1000).Where(s => parity is not { } p || s % 2 == p)
                    .Any(s => Masks.Apply(MaskKind.IdNumber, Warehouse.Generation.IdNumbers.Build(area, date, s), _ => null) == (string)id.Shown!),
                _ => true,
            };
            if (consistent && ++count >= cap)
            {
                return count;
            }
        }
        return count;
    }

    /// <summary>The birth dates the role cannot tell apart: the date itself when read in full, its year's dates when masked, any date when hidden.</summary>
    private static IEnumerable<DateOnly> BirthDatesSeen(object row, EntityDef entity, View view)
    {
        var birth = entity.Fields.First(f => f.Name == "birthDate");
        var (access, shown) = view(birth.Name);
        return access switch
        {
            Access.Full => [(DateOnly)PropertyAccessors.Getter(birth.Property)(row)!],
            Access.Masked => AllDates().Where(d => Masks.Apply(birth.Mask, d, _ => null) == (string)shown!),
            _ => AllDates(),
        };
    }

    /// <summary>0 for women, 1 for men when the role reads gender; null when it does not.</summary>
    private static int? Parity((Access Access, object? Shown) gender) =>
        gender.Access == Access.Full ? (string?)gender.Shown switch { "男" => 1, "女" => 0, _ => null } : null;

    private static int? Parity(View view) => Parity(view("gender"));

    private static IEnumerable<DateOnly> AllDates()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var d = new DateOnly(1900, 1, 1); d <= today; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>
    /// Values differing from the stored one only where the mask hides (a position is hidden when changing its
    /// character does not change the masked output), each hidden position taking every character of the alphabet.
    /// </summary>
    private static long Positions(string stored, IReadOnlyList<char> alphabet, string observed, Func<object, string> mask, long cap)
    {
        var hidden = Enumerable.Range(0, stored.Length)
            .Where(i => mask(Replace(stored, i, alphabet[0] == stored[i] ? alphabet[1] : alphabet[0])) == observed).ToArray();
        var odometer = new int[hidden.Length];
        long count = 0;
        var buffer = stored.ToCharArray();
        while (true)
        {
            for (var i = 0; i < hidden.Length; i++)
            {
                buffer[hidden[i]] = alphabet[odometer[i]];
            }
            if (mask(new string(buffer)) == observed && ++count >= cap)
            {
                return count;
            }
            var k = 0;
            while (k < hidden.Length && ++odometer[k] == alphabet.Count)
            {
                odometer[k++] = 0;
            }
            if (k == hidden.Length)
            {
                return count;
            }
        }
    }

    private static long Positions(string stored, string alphabet, string observed, Func<object, string> mask, long cap) =>
        Positions(stored, alphabet.ToCharArray(), observed, mask, cap);

    private static long Enumerate(IEnumerable<string> candidates, string observed, Func<object, string> mask, long cap)
    {
        long count = 0;
        foreach (var candidate in candidates)
        {
            if (mask(candidate) == observed && ++count >= cap)
            {
                return count;
            }
        }
        return count;
    }

    /// <summary>Rural addresses "&lt;group&gt;组&lt;number&gt;号": the group as stored, any house number 1–999.</summary>
    private static IEnumerable<string> AddressCandidates(string stored)
    {
        var i = stored.IndexOf('组', StringComparison.Ordinal);
        var group = i >= 0 ? stored[..(i + 1)] : "";
        return Enumerable.Range(1, 999).Select(n => group + n.ToString(CultureInfo.InvariantCulture) + "号");
    }

    /// <summary>Coordinates at the stored precision (1e-5°) around the stored point.</summary>
    private static IEnumerable<string> GeoCandidates(string stored)
    {
        var parts = stored.Split(',');
        var lat = Math.Round(double.Parse(parts[0], CultureInfo.InvariantCulture), 1);
        var lng = Math.Round(double.Parse(parts[1], CultureInfo.InvariantCulture), 1);
        for (var a = -5000; a < 5000; a++)
        {
            for (var b = -5000; b < 5000; b++)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{lat + a * 1e-5:0.00000},{lng + b * 1e-5:0.00000}");
            }
        }
    }

    private static string Category(string stored)
    {
        var i = stored.IndexOfAny(['一', '二', '三', '四']);
        return i > 0 ? stored[..i] : stored;
    }

    private static string Replace(string s, int i, char c)
    {
        var chars = s.ToCharArray();
        chars[i] = c;
        return new string(chars);
    }

    private static List<char> CommonCharacters()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb2312 = Encoding.GetEncoding(936);
        var result = new List<char>();
        for (var row = 0xB0; row <= 0xD7; row++)
        {
            for (var col = 0xA1; col <= 0xFE; col++)
            {
                var text = gb2312.GetString([(byte)row, (byte)col]);
                if (text.Length == 1 && text[0] >= 0x4E00 && text[0] <= 0x9FFF)
                {
                    result.Add(text[0]);
                }
            }
        }
        return result;
    }
}
