using Npgsql;
using Warehouse.Data;
using Warehouse.Migrations;
using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Database;

/// <summary>
/// Builds db/postgresql with the migration runner into a fresh database on the test run's PostgreSQL server and
/// reads the schema back from its catalogue, so PostgreSQL decides what its scripts mean. Names are spelled as
/// SQLite spells them (see SchemaParityTests); types are reduced to SQLite's families.
/// </summary>
internal static class PostgresSchemaReader
{
    private static readonly string[] Schemas = [DbNames.BaseSchema, DbNames.ApiSchema, DbNames.SecuritySchema];

    public static SchemaModel Read()
    {
        var database = $"warehouse_parity_{Guid.NewGuid():N}";
        try
        {
            MigrationRunner.Run(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = PostgresServer.ConnectionString(database) });
            using var connection = new NpgsqlConnection(PostgresServer.ConnectionString(database));
            connection.Open();
            return Read(connection);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            PostgresServer.TryDrop(database);
        }
    }

    private static SchemaModel Read(NpgsqlConnection connection)
    {
        var model = new SchemaModel();

        var columns = Query(connection, """
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type, c.is_nullable = 'YES', c.is_generated = 'ALWAYS', t.table_type
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = ANY(@schemas)
            ORDER BY c.table_schema, c.table_name, c.ordinal_position
            """, r => (Schema: r.GetString(0), Table: r.GetString(1), Column: r.GetString(2), Type: r.GetString(3),
                Nullable: r.GetBoolean(4), Generated: r.GetBoolean(5), Kind: r.GetString(6)));
        foreach (var table in columns.GroupBy(c => (c.Schema, c.Table, c.Kind)))
        {
            var name = SqliteName(table.Key.Schema, table.Key.Table);
            if (table.Key.Kind == "VIEW")
            {
                model.Views[name] = string.Join(", ", table.Select(c => c.Column));
            }
            else
            {
                model.Tables[name] = string.Join(", ", table.Select(c =>
                    SchemaModel.Column(c.Column, c.Generated ? "computed" : Family(c.Type), !c.Nullable)));
            }
        }

        // Constraint keys in key order (conkey/confkey are arrays of column numbers, paired position by position).
        var constraints = Query(connection, """
            SELECT con.contype::text, n.nspname, t.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos),
                   fn.nspname, ft.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class ft ON ft.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = ft.relnamespace
            WHERE con.contype IN ('p', 'f') AND n.nspname = ANY(@schemas)
            """, r => (Type: r.GetString(0), Schema: r.GetString(1), Table: r.GetString(2), Columns: r.GetFieldValue<string[]>(3),
                TargetSchema: r.IsDBNull(4) ? null : r.GetString(4), Target: r.IsDBNull(5) ? null : r.GetString(5),
                TargetColumns: r.IsDBNull(6) ? [] : r.GetFieldValue<string[]>(6)));
        foreach (var c in constraints)
        {
            var table = SqliteName(c.Schema, c.Table);
            if (c.Type == "p")
            {
                model.PrimaryKeys[table] = string.Join(", ", c.Columns);
            }
            else
            {
                model.ForeignKeys[SchemaModel.ForeignKey(table, c.Columns, SqliteName(c.TargetSchema!, c.Target!), c.TargetColumns)] = "";
            }
        }

        // Indexes created by CREATE INDEX, not those behind a PRIMARY KEY or UNIQUE constraint (SQLite's sql IS NULL ones).
        var indexes = Query(connection, """
            SELECT i.relname, n.nspname, t.relname, x.indisunique,
                   ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, pos)
                         JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num ORDER BY k.pos)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ANY(@schemas) AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)
            """, r => (Name: r.GetString(0), Schema: r.GetString(1), Table: r.GetString(2), Unique: r.GetBoolean(3), Columns: r.GetFieldValue<string[]>(4)));
        foreach (var index in indexes)
        {
            model.Indexes[index.Name] = SchemaModel.Index(index.Unique, SqliteName(index.Schema, index.Table), index.Columns);
        }

        // What each api view reads: the relations its rewrite rule depends on.
        var sources = Query(connection, """
            SELECT DISTINCT v.relname, sn.nspname || '.' || s.relname
            FROM pg_class v JOIN pg_namespace vn ON vn.oid = v.relnamespace
            JOIN pg_rewrite rw ON rw.ev_class = v.oid
            JOIN pg_depend d ON d.objid = rw.oid AND d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
            JOIN pg_class s ON s.oid = d.refobjid AND s.oid <> v.oid JOIN pg_namespace sn ON sn.oid = s.relnamespace
            WHERE v.relkind = 'v' AND vn.nspname = @api
            ORDER BY 1, 2
            """, r => (View: r.GetString(0), Source: r.GetString(1)));
        foreach (var view in sources.GroupBy(s => s.View))
        {
            model.ViewSources[SqliteName(DbNames.ApiSchema, view.Key)] = view.Select(v => v.Source).ToList();
        }

        return model;
    }

    private static string SqliteName(string schema, string name) =>
        schema == DbNames.BaseSchema ? name : $"{schema}_{name}";

    // The SQLite affinity family each PostgreSQL type stores as in the twin script.
    private static string Family(string type) => type switch
    {
        "integer" or "bigint" or "smallint" or "boolean" => "integer",
        "character varying" or "character" or "text" or "date" or "timestamp with time zone" => "text",
        _ => $"other:{type}",
    };

    private static List<T> Query<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("schemas", Schemas);
        command.Parameters.AddWithValue("api", DbNames.ApiSchema);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
