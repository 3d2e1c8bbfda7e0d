using Warehouse.Data;
using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Import;

/// <summary>Row count and a hash of every value of every row of a base table, in key order, on SQLite and PostgreSQL (plain SQL).</summary>
public static class TableState
{
    public static readonly (string Table, string Key)[] Imported =
    [
        ("household", "household_id"), ("member", "member_id"), ("project", "project_code"), ("fund_allocation", "alloc_id"),
        ("fund_disbursement", "disb_id"), ("welfare_post", "post_id"), ("employment", "emp_id"), ("assistance", "assist_id"),
    ];

    public static string Fingerprint(TestDatabase db, string table)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            return Sql.Fingerprint(db, table);
        }
        var key = Imported.First(t => t.Table == table).Key;
        return Sql.Text(db, $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.{key})), '') FROM wh.{table} t")!;
    }

    public static Dictionary<string, string> All(TestDatabase db) => Imported.ToDictionary(t => t.Table, t => Fingerprint(db, t.Table));
}
