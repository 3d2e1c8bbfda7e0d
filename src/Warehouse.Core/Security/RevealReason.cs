using System.Globalization;
using System.Text;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// The reason given for a reveal, made meaningful before anything is revealed. A reason is the only thing that
/// justifies a reveal to the person who later reads the audit trail, so it must be one a reader can see: format
/// characters (Unicode Cf: zero-width space/joiner/non-joiner, BOM, word joiner, bidi controls), control
/// characters and blank-looking letters (Hangul fillers, braille blank) are removed, runs of white space become
/// one space, and the ends are trimmed. What is left must have at least 4 visible characters (letters, digits,
/// punctuation, symbols), at most 500 characters in all, and more than one distinct visible character ("xxxx" and "核核核核" say nothing). The normalised
/// text is what the audit trail stores.
/// </summary>
public static class RevealReason
{
    public const int MinVisible = 4;
    /// <summary>Longest normalised reason, in UTF-16 code units: the audit column is nvarchar(500) on SQL Server.</summary>
    public const int MaxLength = 500;

    /// <summary>Characters of letter or symbol classes that render as nothing.</summary>
    private static readonly HashSet<int> BlankLooking = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F];

    /// <summary>The normalised reason, or a <see cref="QueryException"/> (REVEAL_REASON_REQUIRED / REVEAL_REASON_INVALID).</summary>
    public static string Normalise(string? raw, FieldDef field)
    {
        var text = Clean(raw ?? "");
        var visible = new List<int>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                visible.Add(rune.Value);
            }
        }
        if (visible.Count == 0)
        {
            throw new QueryException(ErrorCodes.RevealReasonRequired,
                $"Revealing {field.QualifiedName} needs a reason of {MinVisible} to {MaxLength} visible characters; none was given.");
        }
        if (visible.Count < MinVisible || text.Length > MaxLength || visible.Distinct().Count() == 1)
        {
            throw new QueryException(ErrorCodes.RevealReasonInvalid,
                $"Revealing {field.QualifiedName} needs a reason of {MinVisible} to {MaxLength} visible characters that is not one character " +
                    $"repeated; the reason given has {visible.Count} visible characters{(visible.Distinct().Count() == 1 ? ", all the same" : "")} " +
                    $"and {text.Length} characters in all.");
        }
        return text;
    }

    /// <summary>Removes invisible and control characters, folds white space to single spaces, trims.</summary>
    public static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var rune in raw.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                || BlankLooking.Contains(rune.Value))
            {
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static bool IsVisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => false,
        _ => !BlankLooking.Contains(rune.Value),
    };
}
