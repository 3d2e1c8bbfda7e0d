using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>
/// Keeps db/sqlite, db/sqlserver and db/postgresql from drifting apart. The SQLite side is read from a database the
/// scripts have really built (so SQLite decides what its scripts mean); the SQL Server side is read from the
/// ScriptDom syntax tree, since no SQL Server runs here; the PostgreSQL side is read from the catalogue of a
/// database the migration runner has built on the test run's server (skipped without one). SQLite has no schemas,
/// so names are compared as SQLite spells them: the base-table schema `wh` is dropped (wh.region is region), any
/// other schema becomes a prefix (api.regions is api_regions; sec.audit_record is sec_audit_record).
/// </summary>
public sealed class SchemaParityTests
{
    private static readonly Lazy<SchemaModel> Sqlite = new(SqliteSchemaReader.Read);
    private static readonly Lazy<SchemaModel> SqlServer = new(TSqlSchemaReader.Read);
    private static readonly Lazy<SchemaModel> PostgreSql = new(PostgresSchemaReader.Read);

    public static TheoryData<DatabaseProvider> ServerDialects => new() { DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql };

    private static SchemaModel Other(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServer.Value : PostgreSql.Value;

    [ProviderTheory]
    [MemberData(nameof(ServerDialects))]
    public void Api_views_have_the_same_columns_in_the_same_order(DatabaseProvider provider)
    {
        AssertSame(provider, "view", Sqlite.Value.Views, Other(provider).Views, Other(provider).ViewProblems);
    }

    [ProviderTheory]
    [MemberData(nameof(ServerDialects))]
    public void Base_tables_have_the_same_columns_type_families_and_nullability(DatabaseProvider provider)
    {
        AssertSame(provider, "table", Sqlite.Value.Tables, Other(provider).Tables);
    }

    [ProviderTheory]
    [MemberData(nameof(ServerDialects))]
    public void Primary_keys_match(DatabaseProvider provider)
    {
        AssertSame(provider, "primary key of", Sqlite.Value.PrimaryKeys, Other(provider).PrimaryKeys);
    }

    [ProviderTheory]
    [MemberData(nameof(ServerDialects))]
    public void Foreign_keys_match(DatabaseProvider provider)
    {
        AssertSame(provider, "foreign key", Sqlite.Value.ForeignKeys, Other(provider).ForeignKeys);
    }

    [ProviderTheory]
    [MemberData(nameof(ServerDialects))]
    public void Indexes_have_the_same_names_tables_and_keys(DatabaseProvider provider)
    {
        AssertSame(provider, "index", Sqlite.Value.Indexes, Other(provider).Indexes);
    }

    [ProviderTheory]
    [MemberData(nameof(ServerDialects))]
    public void Every_api_view_reads_from_the_wh_schema_only(DatabaseProvider provider)
    {
        AssertReadable();
        var other = Other(provider);
        Assert.NotEmpty(other.ViewSources);

        var problems = other.ViewSources
            .Where(v => v.Value.Any(source => !source.StartsWith("wh.", StringComparison.Ordinal)))
            .Select(v => $"{v.Key} reads {string.Join(", ", v.Value)}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void AssertReadable() =>
        Assert.True(
            SqlServer.Value.Unparsed.Count == 0,
            "db/sqlserver cannot be compared: " + string.Join(", ", SqlServer.Value.Unparsed) +
            " does not parse; TSqlScriptTests lists the errors");

    private static void AssertSame(
        DatabaseProvider provider,
        string kind,
        SortedDictionary<string, string> sqlite,
        SortedDictionary<string, string> sqlServer,
        IEnumerable<string>? readerProblems = null)
    {
        AssertReadable();
        var dialect = "db/" + Warehouse.Migrations.MigrationRunner.Dialect(provider);
        // An empty side would make the comparison pass vacuously.
        Assert.NotEmpty(sqlite);
        Assert.NotEmpty(sqlServer);

        var problems = new List<string>(readerProblems ?? []);
        foreach (var (name, definition) in sqlite)
        {
            if (!sqlServer.TryGetValue(name, out var other))
            {
                problems.Add($"{kind} {name}: only in db/sqlite{Shown(definition)}");
            }
            else if (!string.Equals(definition, other, StringComparison.Ordinal))
            {
                problems.Add($"{kind} {name} differs:{Environment.NewLine}" +
                             $"  {"db/sqlite:",-13} {definition}{Environment.NewLine}" +
                             $"  {dialect + ":",-13} {other}");
            }
        }

        problems.AddRange(sqlServer.Keys
            .Where(name => !sqlite.ContainsKey(name))
            .Select(name => $"{kind} {name}: only in {dialect}{Shown(sqlServer[name])}"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Shown(string definition) => definition.Length == 0 ? "" : $" ({definition})";
}

/// <summary>One dialect's schema, each object rendered as text that is comparable across dialects.</summary>
internal sealed class SchemaModel
{
    /// <summary>api_view → its column names in order.</summary>
    public SortedDictionary<string, string> Views { get; } = new(StringComparer.Ordinal);

    /// <summary>table → "column family NULL|NOT NULL" in order; family is integer, text or computed.</summary>
    public SortedDictionary<string, string> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>table → its primary-key columns in order.</summary>
    public SortedDictionary<string, string> PrimaryKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>"t(cols) -> u(cols)" → empty: a set.</summary>
    public SortedDictionary<string, string> ForeignKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>index name → "[UNIQUE ]table(columns)".</summary>
    public SortedDictionary<string, string> Indexes { get; } = new(StringComparer.Ordinal);

    /// <summary>api_view → the tables it reads, as schema.table (SQL Server and PostgreSQL sides only).</summary>
    public SortedDictionary<string, IReadOnlyList<string>> ViewSources { get; } = new(StringComparer.Ordinal);

    /// <summary>Scripts that do not parse, so their objects are missing here.</summary>
    public List<string> Unparsed { get; } = [];

    /// <summary>View columns the reader could not name, such as SELECT * or an expression with no alias.</summary>
    public List<string> ViewProblems { get; } = [];

    public static string Column(string name, string family, bool notNull) =>
        $"{name} {family} {(notNull ? "NOT NULL" : "NULL")}";

    public static string ForeignKey(string table, IEnumerable<string> columns, string target, IEnumerable<string> targetColumns) =>
        $"{table}({string.Join(", ", columns)}) -> {target}({string.Join(", ", targetColumns)})";

    public static string Index(bool unique, string table, IEnumerable<string> columns) =>
        $"{(unique ? "UNIQUE " : "")}{table}({string.Join(", ", columns)})";
}

/// <summary>Runs db/sqlite into an in-memory database and reads the catalogue back.</summary>
internal static class SqliteSchemaReader
{
    public static SchemaModel Read()
    {
        var model = new SchemaModel();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        // 0010 moves the audit trail into the audit file: attached as the runner attaches it, read with main.
        SqliteAuditFile.Attach(connection, ":memory:");
        foreach (var path in TSqlScriptTests.ScriptFiles("sqlite"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = File.ReadAllText(path);
            command.ExecuteNonQuery();
        }

        var objects = Query(connection,
            "SELECT type, name, tbl_name FROM (SELECT * FROM main.sqlite_schema UNION ALL SELECT * FROM audit.sqlite_schema) " +
            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            r => (Type: r.GetString(0), Name: r.GetString(1), Table: r.GetString(2)));

        foreach (var (_, name, _) in objects.Where(o => o.Type == "view"))
        {
            var columns = Query(connection, $"PRAGMA table_info({Quote(name)})", r => r.GetString(1));
            model.Views[name] = string.Join(", ", columns);
        }

        foreach (var (_, name, _) in objects.Where(o => o.Type == "table"))
        {
            var table = name;
            // table_xinfo, unlike table_info, lists generated columns (hidden 2 = virtual, 3 = stored).
            var columns = Query(connection, $"PRAGMA table_xinfo({Quote(name)})", r => (
                Name: r.GetString(1),
                Type: r.GetString(2),
                NotNull: r.GetInt64(3) != 0,
                Pk: r.GetInt64(5),
                Hidden: r.GetInt64(6)));
            // Key columns count as NOT NULL, as on SQL Server: an INTEGER PRIMARY KEY is the rowid and never
            // null, though SQLite reports it as nullable when NOT NULL is not spelled out.
            model.Tables[table] = string.Join(", ", columns.Select(c =>
                SchemaModel.Column(c.Name, c.Hidden is 2 or 3 ? "computed" : Family(c.Type), c.NotNull || c.Pk > 0)));

            var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (key.Count > 0)
            {
                model.PrimaryKeys[table] = string.Join(", ", key);
            }

            var foreignKeys = Query(connection, $"PRAGMA foreign_key_list({Quote(name)})", r => (
                Id: r.GetInt64(0),
                Seq: r.GetInt64(1),
                Target: r.GetString(2),
                From: r.GetString(3),
                To: r.IsDBNull(4) ? "(primary key)" : r.GetString(4)));
            foreach (var fk in foreignKeys.GroupBy(f => f.Id))
            {
                var ordered = fk.OrderBy(f => f.Seq).ToList();
                model.ForeignKeys[SchemaModel.ForeignKey(
                    table, ordered.Select(f => f.From), ordered[0].Target, ordered.Select(f => f.To))] = "";
            }
        }

        // sql IS NULL marks the automatic indexes behind PRIMARY KEY and UNIQUE: SQL Server has its own.
        foreach (var (name, table, unique) in Query(connection,
                     "SELECT name, tbl_name, sql LIKE 'CREATE UNIQUE%' FROM (SELECT * FROM main.sqlite_schema UNION ALL SELECT * FROM " +
                     "audit.sqlite_schema) WHERE type = 'index' AND sql IS NOT NULL",
                     r => (r.GetString(0), r.GetString(1), r.GetInt64(2) != 0)))
        {
            var columns = Query(connection, $"PRAGMA index_info({Quote(name)})", r => (Seq: r.GetInt64(0), Name: r.GetString(2)));
            model.Indexes[name] = SchemaModel.Index(
                unique, table, columns.OrderBy(c => c.Seq).Select(c => c.Name));
        }

        return model;
    }

    // SQLite's type affinity rules (https://sqlite.org/datatype3.html#determination_of_column_affinity).
    private static string Family(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type.Contains("INT", StringComparison.Ordinal) ? "integer"
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) ||
              type.Contains("TEXT", StringComparison.Ordinal) ? "text"
            : $"other:{declared}";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

/// <summary>Parses db/sqlserver with ScriptDom and reads the schema off the syntax tree.</summary>
internal static class TSqlSchemaReader
{
    public static SchemaModel Read()
    {
        var model = new SchemaModel();
        foreach (var path in TSqlScriptTests.ScriptFiles("sqlserver"))
        {
            var fragment = TSqlCheck.Parse(File.ReadAllText(path), out var errors);
            if (errors.Count > 0)
            {
                model.Unparsed.Add(Path.GetFileName(path));
                continue;
            }

            fragment.Accept(new Collector(model, Path.GetFileName(path)));
        }

        return model;
    }

    // The SQL Server name as written: schema.name.
    private static string Name(SchemaObjectName name) =>
        name.SchemaIdentifier is null ? "(no schema)." + name.BaseIdentifier.Value
            : $"{name.SchemaIdentifier.Value}.{name.BaseIdentifier.Value}";

    // The same name as the SQLite twin spells it (see SchemaParityTests).
    private static string SqliteName(SchemaObjectName name) => name.SchemaIdentifier?.Value switch
    {
        "wh" => name.BaseIdentifier.Value,
        null => "(no schema)." + name.BaseIdentifier.Value,
        var schema => $"{schema}_{name.BaseIdentifier.Value}",
    };

    private static string LastPart(ColumnReferenceExpression column) =>
        column.MultiPartIdentifier.Identifiers[^1].Value;

    // The SQLite affinity family each SQL Server type stores as in the twin script.
    private static string Family(DataTypeReference? type) => type switch
    {
        SqlDataTypeReference
        {
            SqlDataTypeOption: SqlDataTypeOption.Int or SqlDataTypeOption.BigInt or
            SqlDataTypeOption.SmallInt or SqlDataTypeOption.TinyInt or SqlDataTypeOption.Bit
        } => "integer",
        SqlDataTypeReference
        {
            SqlDataTypeOption: SqlDataTypeOption.Char or SqlDataTypeOption.VarChar or
            SqlDataTypeOption.NChar or SqlDataTypeOption.NVarChar or SqlDataTypeOption.Date or
            SqlDataTypeOption.DateTime2 or SqlDataTypeOption.DateTimeOffset
        } => "text",
        SqlDataTypeReference sql => $"other:{sql.SqlDataTypeOption}",
        null => "other:(none)",
        _ => $"other:{type.GetType().Name}",
    };

    private sealed class Collector(SchemaModel model, string file) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            var table = SqliteName(node.SchemaObjectName);
            var definition = node.Definition;
            var primaryKey = definition.TableConstraints
                .OfType<UniqueConstraintDefinition>()
                .Where(c => c.IsPrimaryKey)
                .SelectMany(c => c.Columns.Select(k => LastPart(k.Column)))
                .Concat(definition.ColumnDefinitions
                    .Where(c => c.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey))
                    .Select(c => c.ColumnIdentifier.Value))
                .ToList();
            if (primaryKey.Count > 0)
            {
                model.PrimaryKeys[table] = string.Join(", ", primaryKey);
            }

            model.Tables[table] = string.Join(", ", definition.ColumnDefinitions.Select(c =>
            {
                var name = c.ColumnIdentifier.Value;
                var family = c.ComputedColumnExpression is null ? Family(c.DataType) : "computed";
                var notNull = primaryKey.Contains(name, StringComparer.Ordinal) ||
                              c.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable);
                return SchemaModel.Column(name, family, notNull);
            }));

            foreach (var fk in definition.TableConstraints.OfType<ForeignKeyConstraintDefinition>())
            {
                AddForeignKey(table, fk.Columns.Select(c => c.Value), fk);
            }

            foreach (var column in definition.ColumnDefinitions)
            {
                foreach (var fk in column.Constraints.OfType<ForeignKeyConstraintDefinition>())
                {
                    AddForeignKey(table, [column.ColumnIdentifier.Value], fk);
                }
            }
        }

        /// <summary>ALTER TABLE … ADD column: later scripts extend the tables the first one created.</summary>
        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var table = SqliteName(node.SchemaObjectName);
            var added = node.Definition.ColumnDefinitions.Select(c => SchemaModel.Column(c.ColumnIdentifier.Value, Family(c.DataType),
                c.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable)));
            model.Tables[table] = string.Join(", ", new[] { model.Tables.GetValueOrDefault(table, "") }.Where(t => t.Length > 0).Concat(added));
        }

        public override void Visit(CreateIndexStatement node)
        {
            model.Indexes[node.Name.Value] = SchemaModel.Index(
                node.Unique, SqliteName(node.OnName), node.Columns.Select(c => LastPart(c.Column)));
        }

        public override void Visit(CreateViewStatement node)
        {
            var view = SqliteName(node.SchemaObjectName);
            if (node.Columns.Count > 0)
            {
                model.Views[view] = string.Join(", ", node.Columns.Select(c => c.Value));
            }
            else if (FirstQuery(node.SelectStatement.QueryExpression) is { } query)
            {
                model.Views[view] = string.Join(", ", query.SelectElements.Select(e => ColumnName(view, e)));
            }
            else
            {
                model.ViewProblems.Add($"{file}: view {view} has no SELECT list to read column names from");
            }

            var sources = new NamedTableCollector();
            node.SelectStatement.Accept(sources);
            model.ViewSources[view] = sources.Tables;
        }

        private void AddForeignKey(string table, IEnumerable<string> columns, ForeignKeyConstraintDefinition fk)
        {
            var targetColumns = fk.ReferencedTableColumns.Count > 0
                ? fk.ReferencedTableColumns.Select(c => c.Value)
                : ["(primary key)"];
            model.ForeignKeys[SchemaModel.ForeignKey(table, columns, SqliteName(fk.ReferenceTableName), targetColumns)] = "";
        }

        // The column names of a UNION come from its first query, as in SQLite.
        private static QuerySpecification? FirstQuery(QueryExpression expression) => expression switch
        {
            QuerySpecification query => query,
            BinaryQueryExpression binary => FirstQuery(binary.FirstQueryExpression),
            QueryParenthesisExpression parenthesis => FirstQuery(parenthesis.QueryExpression),
            _ => null,
        };

        private string ColumnName(string view, SelectElement element)
        {
            switch (element)
            {
                case SelectScalarExpression { ColumnName: { } alias }:
                    return alias.Value;
                case SelectScalarExpression { Expression: ColumnReferenceExpression column }:
                    return LastPart(column);
                default:
                    model.ViewProblems.Add(
                        $"{file}({element.StartLine},{element.StartColumn}): view {view} has a select item " +
                        "without a name; list columns explicitly (no SELECT *, alias every expression)");
                    return "?";
            }
        }
    }

    private sealed class NamedTableCollector : TSqlFragmentVisitor
    {
        public List<string> Tables { get; } = [];

        public override void Visit(NamedTableReference node) => Tables.Add(Name(node.SchemaObject));
    }
}
