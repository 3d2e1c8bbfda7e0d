namespace Warehouse.Generation;

/// <summary>
/// The county's calendar: the reference date ("now" for the generated county) and its year. Facts (payments,
/// visits, reports, births, starts) never lie after the reference date: a fact drawn later in the reference year is
/// moved back by <see cref="Fact"/>, which maps 1 January..31 December onto 1 January..the reference date in order,
/// so the spread over the year and the order of events are kept. Plans (contract and term ends) stay where they
/// fall. With the reference date on 31 December the map is the identity and the county is as it always was.
/// </summary>
internal sealed class Timeline
{
    public Timeline(DateOnly now)
    {
        Now = now;
        Year = now.Year;
        YearStart = new DateOnly(Year, 1, 1);
        YearEnd = new DateOnly(Year, 12, 31);
    }

    /// <summary>The reference date: today for the generated county.</summary>
    public DateOnly Now { get; }

    /// <summary>The reference year (incomes, jobs and posts of "the year").</summary>
    public int Year { get; }

    public DateOnly YearStart { get; }
    public DateOnly YearEnd { get; }

    /// <summary>A fact's date, moved back into 1 January..now when it falls after now in the reference year.</summary>
    public DateOnly Fact(DateOnly date)
    {
        if (date <= Now)
        {
            return date;
        }
        if (date.Year != Year)
        {
            return Now;
        }
        var elapsed = Now.DayNumber - YearStart.DayNumber;
        var offset = (long)(date.DayNumber - YearStart.DayNumber) * elapsed / (YearEnd.DayNumber - YearStart.DayNumber);
        return YearStart.AddDays((int)offset);
    }

    /// <summary>The first day of the month a fact falls in (job and post starts are months).</summary>
    public DateOnly FactMonth(DateOnly monthStart)
    {
        var d = Fact(monthStart);
        return new DateOnly(d.Year, d.Month, 1);
    }
}
