namespace Warehouse.Tests.Infrastructure;

/// <summary>The under-14 rule in plain SQL, for expected rows: the county reads no minors' member rows.</summary>
public static class Minors
{
    /// <summary>SQLite condition on a member row (alias optional): the member is 14 or older today (UTC).</summary>
    public static string Adult(string alias = "") => $"{alias}birth_date <= date('now', '-14 years')";

    /// <summary>SQLite condition on a record about a member (assistance, job, post): it is about no one, or about someone 14 or older.</summary>
    public static string AboutAdult(string memberColumn) =>
        $"NOT EXISTS (SELECT 1 FROM member minor WHERE minor.member_id = {memberColumn} AND NOT ({Adult("minor.")}))";
}
