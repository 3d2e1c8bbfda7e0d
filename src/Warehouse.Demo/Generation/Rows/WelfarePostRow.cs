namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>welfare_post</c>: a public-welfare post, held or vacant. The properties are the table's columns, named after them and in
/// <see cref="Tables.WelfarePostColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record WelfarePostRow(
    string PostId,
    string PostType,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string FundSource,
    string? HolderMemberId,
    string TermStart,
    string TermEnd,
    long MonthlySubsidyFen,
    int FullTime,
    long SubsidyDueFen,
    long SubsidyPaidFen) : ITableRow
{
    public static string Table => Tables.WelfarePost;

    public static IReadOnlyList<string> Columns => Tables.WelfarePostColumns;

    public object?[] Values() =>
    [
        PostId, PostType, CountyCode, TownshipCode, VillageCode, FundSource, HolderMemberId, TermStart, TermEnd, MonthlySubsidyFen, FullTime,
        SubsidyDueFen, SubsidyPaidFen
    ];
}
