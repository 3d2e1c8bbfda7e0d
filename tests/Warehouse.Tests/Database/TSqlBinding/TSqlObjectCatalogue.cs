using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Warehouse.Tests.Database.TSqlBinding;

/// <summary>
/// The tables, views and schemas a SQL Server database holds after every db/sqlserver script has run, read from
/// the scripts themselves with ScriptDom, in script order: CREATE TABLE column definitions, ALTER TABLE ADD/DROP
/// COLUMN, CREATE/ALTER VIEW (columns from the explicit column list or the select list's names and aliases),
/// DROP VIEW/TABLE, CREATE SCHEMA. A view's body is bound against the objects created before it, so a view that
/// names a missing base-table column is reported here as a script problem.
/// </summary>
internal sealed class TSqlObjectCatalogue
{
    private readonly Dictionary<string, TSqlObject> _objects = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schemas = new(StringComparer.OrdinalIgnoreCase) { "dbo" };
    private readonly List<string> _problems = [];

    public IReadOnlyCollection<TSqlObject> Objects => _objects.Values;
    public IReadOnlySet<string> Schemas => _schemas;
    /// <summary>Parse errors and unbound references found in the scripts themselves.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static string KeyOf(string? schema, string name) => $"{(schema ?? "dbo").ToLowerInvariant()}.{name.ToLowerInvariant()}";

    public TSqlObject? Find(string? schema, string name) => _objects.GetValueOrDefault(KeyOf(schema, name));

    /// <summary>The catalogue of db/sqlserver, every script in number order.</summary>
    public static TSqlObjectCatalogue FromScripts(string folder)
    {
        var catalogue = new TSqlObjectCatalogue();
        foreach (var path in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            catalogue.Apply(Path.GetFileName(path), File.ReadAllText(path));
        }
        return catalogue;
    }

    /// <summary>Applies one script's DDL (exposed for the binder's own unit tests).</summary>
    public void Apply(string scriptName, string sql)
    {
        var fragment = TSqlCheck.Parse(sql, out var errors);
        foreach (var e in errors)
        {
            _problems.Add($"{scriptName}: line {e.Line}: {e.Message}");
        }
        if (fragment is not TSqlScript script)
        {
            return;
        }
        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            switch (statement)
            {
                case CreateSchemaStatement s:
                    _schemas.Add(s.Name.Value);
                    break;
                case CreateTableStatement t:
                    Put(new TSqlObject(SchemaOf(t.SchemaObjectName), t.SchemaObjectName.BaseIdentifier.Value, isView: false,
                        t.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value)));
                    break;
                case AlterTableAddTableElementStatement add when Find(add.SchemaObjectName) is { } table:
                    foreach (var c in add.Definition.ColumnDefinitions)
                    {
                        table.Add(c.ColumnIdentifier.Value);
                    }
                    break;
                case AlterTableDropTableElementStatement drop when Find(drop.SchemaObjectName) is { } table:
                    foreach (var e in drop.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                    {
                        table.Drop(e.Name.Value);
                    }
                    break;
                case ViewStatementBody v:
                    View(scriptName, v);
                    break;
                case DropViewStatement dv:
                    foreach (var o in dv.Objects)
                    {
                        _objects.Remove(KeyOf(SchemaOf(o), o.BaseIdentifier.Value));
                    }
                    break;
                case DropTableStatement dt:
                    foreach (var o in dt.Objects)
                    {
                        _objects.Remove(KeyOf(SchemaOf(o), o.BaseIdentifier.Value));
                    }
                    break;
                case AlterTableStatement or CreateIndexStatement or InsertStatement or UpdateStatement or PredicateSetStatement
                    or CreateTriggerStatement or SetVariableStatement or DeclareVariableStatement or IfStatement or PrintStatement
                    or BeginEndBlockStatement or ExecuteStatement:
                    // No effect on which objects and columns exist (constraints, indexes, seed rows, triggers, settings).
                    break;
                default:
                    _problems.Add(
                        $"{scriptName}: line {statement.StartLine}: the catalogue does not understand {statement.GetType().Name}; teach " +
                        $"TSqlObjectCatalogue what it creates.");
                    break;
            }
        }
    }

    private void View(string scriptName, ViewStatementBody view)
    {
        var binder = new TSqlBinder(this);
        var columns = binder.BindQueryExpression(view.SelectStatement.QueryExpression, null, view.SelectStatement.WithCtesAndXmlNamespaces);
        foreach (var p in binder.Problems)
        {
            _problems.Add($"{scriptName}: view {view.SchemaObjectName.BaseIdentifier.Value}: {p}");
        }
        IReadOnlyList<string?> names = view.Columns.Count > 0 ? view.Columns.Select(c => (string?)c.Value).ToList() : columns ?? [null];
        if (names.Any(n => n is null))
        {
            _problems.Add($"{scriptName}: line {view.StartLine}: view {view.SchemaObjectName.BaseIdentifier.Value} has a column without a name.");
        }
        Put(new TSqlObject(SchemaOf(view.SchemaObjectName), view.SchemaObjectName.BaseIdentifier.Value, isView: true, names.OfType<string>()));
    }

    private TSqlObject? Find(SchemaObjectName name) => Find(SchemaOf(name), name.BaseIdentifier.Value);

    private void Put(TSqlObject o) => _objects[o.Key] = o;

    private static string SchemaOf(SchemaObjectName name) => name.SchemaIdentifier?.Value ?? "dbo";
}
