using System.Reflection;

namespace Warehouse.Catalogue;

/// <summary>
/// Records of minors (PIPL Art. 28: the whole record of a person under 14 is sensitive). Per role: FULL reads
/// them like any row; MASKED reads the row with every personal field masked or withheld, and filters and sorts
/// on those fields cannot tell minors apart; aggregate-only (H+A) does not read minors' rows at all, only counts
/// them in aggregates.
/// </summary>
/// <remarks>
/// On a record about a person (assistance, job, post) <see cref="BirthDate"/> is the person's birth date carried by
/// the view in <see cref="Column"/> (null when the record is about no one): the record follows the person's rule.
/// </remarks>
public sealed class MinorRule(PropertyInfo birthDate, int ageYears, DefaultGrants grants, string? column)
{
    public PropertyInfo BirthDate { get; } = birthDate;
    /// <summary>View column of the subject's birth date when it is not a field of the entity; null for the person's own record.</summary>
    public string? Column { get; } = column;
    public int AgeYears { get; } = ageYears;
    public DefaultGrants Grants { get; } = grants;

    /// <summary>Born after this date means a minor today.</summary>
    public DateOnly Cutoff(DateOnly today) => today.AddYears(-AgeYears);

    /// <summary>Whether a field is covered: the personal and sensitive fields of the record.</summary>
    public static bool Covers(FieldDef field) => field.Sensitivity >= Sensitivity.Personal;
}
