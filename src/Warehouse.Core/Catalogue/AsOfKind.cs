namespace Warehouse.Catalogue;

/// <summary>How an as-of condition (<see cref="AsOfDef"/>) reads its stored date(s) against the request's as-of date.</summary>
internal enum AsOfKind
{
    /// <summary>Whole years from a birth date to the as-of date (Int operators): compiled to birth-date bounds.</summary>
    AgeYears,

    /// <summary>Days from a date to the as-of date, as-of − date (Int operators): compiled to date bounds.</summary>
    DaysSince,

    /// <summary>Days from the as-of date to a date, date − as-of (Int operators): compiled to date bounds.</summary>
    DaysUntil,

    /// <summary>
    /// In force on the as-of date (Boolean): start ≤ as-of and (end null or end ≥ as-of). With month granularity the
    /// end is a month (its first day) and counts until that month is over.
    /// </summary>
    InForce,

    /// <summary>
    /// In the calendar year of the as-of date (Boolean): a date from 1 January up to the as-of date; a year number
    /// equal to the as-of date's year.
    /// </summary>
    YearToDate,
}
