using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Grows a private copy's assistance table to about <c>target</c> rows by SQL, for the streaming and memory tests:
/// copy n of a row gets the id prefix <c>zz0n-</c> (so a <c>where</c> on the prefix selects a known share) and its
/// amount plus n fen.
/// </summary>
internal static class EnlargedAssistance
{
    /// <summary>Returns the original row count and how many copies of it were added.</summary>
    public static (long Original, int Copies) Grow(TestDatabase db, int target)
    {
        var original = Sql.Scalar(db, "SELECT COUNT(*) FROM assistance");
        var copies = (int)Math.Ceiling(target / (double)original) - 1;
        Sql.Execute(db, $"""
            INSERT INTO assistance (assist_id, household_id, member_id, county_code, township_code, village_code, category, item,
                                    start_date, end_date, amount_fen, period, channel, ref_id, cadre_name, cadre_phone)
            WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {copies})
            SELECT 'zz' || printf('%02d', k.n) || '-' || a.assist_id, a.household_id, a.member_id, a.county_code, a.township_code, a.village_code,
                   a.category, a.item, a.start_date, a.end_date, a.amount_fen + k.n, a.period, a.channel, a.ref_id, a.cadre_name, a.cadre_phone
            FROM assistance a, k;
            """);
        return (original, copies);
    }
}
