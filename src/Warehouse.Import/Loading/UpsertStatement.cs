using Warehouse.Data;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Loading;

/// <summary>
/// The one statement that writes a row of an entity: insert it, or update it only when a value differs, so a
/// re-import of the same file touches nothing and updated_at moves only on rows that changed (the SQLite and
/// PostgreSQL triggers stamp updated_at on an UPDATE; SQL Server has no trigger, so the MERGE sets it).
/// Parameters are @p0..@pN in <see cref="EntitySpec.WrittenColumns"/> order; SQLite also takes @updated_at and,
/// for tables with a record key, @record_key (written at insert so no trigger has to update the row again).
/// </summary>
internal static class UpsertStatement
{
    public static string Sql(Dialect dialect, EntitySpec entity)
    {
        var columns = entity.WrittenColumns.ToList();
        var key = columns[0];
        var rest = columns.Skip(1).ToList();
        var parameters = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var table = dialect.Table(entity.Table);
        switch (dialect.Provider)
        {
            case DatabaseProvider.PostgreSql:
                return $"INSERT INTO {table} AS t ({string.Join(", ", columns)}) VALUES ({parameters}) "
                    + $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", rest.Select(c => $"{c} = EXCLUDED.{c}"))} "
                    + $"WHERE ({string.Join(", ", rest.Select(c => "t." + c))}) IS DISTINCT FROM ({string.Join(", ", rest.Select(c => "EXCLUDED." + c))})";
            case DatabaseProvider.SqlServer:
                return $"MERGE {table} WITH (HOLDLOCK) AS t USING (VALUES ({parameters})) AS s ({string.Join(", ", columns.Select(Q))}) "
                    + $"ON t.{Q(key)} = s.{Q(key)} "
                    + $"WHEN MATCHED AND EXISTS (SELECT {string.Join(", ", rest.Select(c => "s." + Q(c)))} EXCEPT SELECT " +
                        $"{string.Join(", ", rest.Select(c => "t." + Q(c)))}) "
                    + $"THEN UPDATE SET {string.Join(", ", rest.Select(c => $"{Q(c)} = s.{Q(c)}"))}, [updated_at] = SYSUTCDATETIME() "
                    + $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns.Select(Q))}, [updated_at]) VALUES " +
                        $"({string.Join(", ", columns.Select(c => "s." + Q(c)))}, SYSUTCDATETIME());";
            default:
                var extra = entity.HasRecordKey ? ", updated_at, record_key" : ", updated_at";
                var extraValues = entity.HasRecordKey ? ", @updated_at, @record_key" : ", @updated_at";
                return $"INSERT INTO {table} ({string.Join(", ", columns)}{extra}) VALUES ({parameters}{extraValues}) "
                    + $"ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", rest.Select(c => $"{c} = excluded.{c}"))} "
                    + $"WHERE {string.Join(" OR ", rest.Select(c => $"{table}.{c} IS NOT excluded.{c}"))}";
        }
    }

    private static string Q(string column) => $"[{column}]";
}
