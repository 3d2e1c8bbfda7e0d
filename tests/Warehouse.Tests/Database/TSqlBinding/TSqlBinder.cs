using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Warehouse.Tests.Database.TSqlBinding;

/// <summary>
/// Binds the table and column references of T-SQL statements against a <see cref="TSqlObjectCatalogue"/>, the way
/// SQL Server's binder would before running them: every named table or view must exist (schema.name), every
/// qualified column reference must name a column of the source its alias stands for (a table, a view, a derived
/// table or CTE through its select list, a VALUES list or OPENJSON … WITH through their column lists, INSERTED and
/// DELETED in OUTPUT clauses), and every unqualified reference must be a column of some source in scope (or, in
/// ORDER BY, a select-list alias). Aliases resolve outwards, so correlated subqueries bind to their outer query.
/// What is not checked: types, ambiguity between two sources that both have an unqualified column, permissions.
/// A statement kind or table-reference kind the binder does not know is reported as a problem, never skipped.
/// </summary>
internal sealed class TSqlBinder(TSqlObjectCatalogue catalogue)
{
    /// <summary>DATEPART-style arguments that ScriptDom parses as column references.</summary>
    private static readonly HashSet<string> DateParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "yy", "yyyy", "quarter", "qq", "q", "month", "mm", "m", "dayofyear", "dy", "y", "day", "dd", "d",
        "week", "wk", "ww", "weekday", "dw", "hour", "hh", "minute", "mi", "n", "second", "ss", "s", "millisecond", "ms",
        "microsecond", "mcs", "nanosecond", "ns", "iso_week", "isowk", "isoww",
    };

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;
    /// <summary>Statements bound (SET options and the like are parsed but not counted).</summary>
    public int Statements { get; private set; }
    /// <summary>References to tables and views found in the catalogue.</summary>
    public int ObjectReferences { get; private set; }
    /// <summary>Column references resolved to a source whose columns are known, and found there.</summary>
    public int ColumnReferences { get; private set; }
    /// <summary>Column references resolved to a source whose columns cannot be known (counted, not checked).</summary>
    public int UncheckedColumnReferences { get; private set; }

    /// <summary>Parses one batch and binds every statement in it; returns the problems this batch added.</summary>
    public IReadOnlyList<string> Bind(string sql)
    {
        var before = _problems.Count;
        var fragment = TSqlCheck.Parse(sql, out var errors);
        foreach (var e in errors)
        {
            _problems.Add($"parse error at line {e.Line}, column {e.Column}: {e.Message}");
        }
        if (errors.Count == 0 && fragment is TSqlScript script)
        {
            foreach (var statement in script.Batches.SelectMany(b => b.Statements))
            {
                BindStatement(statement);
            }
        }
        return _problems.Skip(before).ToList();
    }

    private void BindStatement(TSqlStatement statement)
    {
        switch (statement)
        {
            case SelectStatement s:
                Statements++;
                BindQueryExpression(s.QueryExpression, null, s.WithCtesAndXmlNamespaces);
                break;
            case InsertStatement i:
                Statements++;
                BindInsert(i.InsertSpecification, Ctes(i.WithCtesAndXmlNamespaces, null));
                break;
            case UpdateStatement u:
                Statements++;
                BindUpdate(u.UpdateSpecification, Ctes(u.WithCtesAndXmlNamespaces, null));
                break;
            case DeleteStatement d:
                Statements++;
                BindDelete(d.DeleteSpecification, Ctes(d.WithCtesAndXmlNamespaces, null));
                break;
            case MergeStatement m:
                Statements++;
                BindMerge(m.MergeSpecification, Ctes(m.WithCtesAndXmlNamespaces, null));
                break;
            case PredicateSetStatement or SetVariableStatement or DeclareVariableStatement or BeginTransactionStatement
                or CommitTransactionStatement or RollbackTransactionStatement or SaveTransactionStatement:
                // Session settings, variables and transaction control reference no table or column.
                break;
            default:
                _problems.Add($"the binder does not know {statement.GetType().Name} (line {statement.StartLine}); teach TSqlBinder to bind it.");
                break;
        }
    }

    private TSqlScope Ctes(WithCtesAndXmlNamespaces? with, TSqlScope? parent)
    {
        var scope = new TSqlScope(parent);
        foreach (var cte in with?.CommonTableExpressions ?? [])
        {
            var columns = BindQueryExpression(cte.QueryExpression, scope, null);
            scope.AddCte(cte.ExpressionName.Value, cte.Columns.Count > 0 ? cte.Columns.Select(c => (string?)c.Value).ToList() : columns);
        }
        return scope;
    }

    /// <summary>Binds a query (with its CTEs) and returns its output column names (null for an unnamed column; null list when unknown).</summary>
    public IReadOnlyList<string?>? BindQueryExpression(QueryExpression query, TSqlScope? parent, WithCtesAndXmlNamespaces? with)
    {
        var scope = with is null ? parent : Ctes(with, parent);
        switch (query)
        {
            case QuerySpecification q:
                return BindQuerySpecification(q, scope);
            case QueryParenthesisExpression p:
            {
                var columns = BindQueryExpression(p.QueryExpression, scope, null);
                BindOrderAndOffset(p, scope ?? new TSqlScope(null));
                return columns;
            }
            case BinaryQueryExpression b:
            {
                var first = BindQueryExpression(b.FirstQueryExpression, scope, null);
                BindQueryExpression(b.SecondQueryExpression, scope, null);
                var orderScope = new TSqlScope(scope);
                orderScope.SelectAliases.AddRange(first ?? []);
                BindOrderAndOffset(b, orderScope);
                return first;
            }
            default:
                _problems.Add($"the binder does not know query kind {query.GetType().Name}.");
                return null;
        }
    }

    private List<string?>? BindQuerySpecification(QuerySpecification q, TSqlScope? parent)
    {
        var scope = new TSqlScope(parent);
        foreach (var source in q.FromClause?.TableReferences ?? [])
        {
            AddSource(source, scope);
        }
        Expr(q.WhereClause, scope);
        Expr(q.GroupByClause, scope);
        Expr(q.HavingClause, scope);
        Expr(q.TopRowFilter, scope);
        var output = new List<string?>();
        var known = true;
        foreach (var element in q.SelectElements)
        {
            switch (element)
            {
                case SelectScalarExpression e:
                    Expr(e.Expression, scope);
                    output.Add(e.ColumnName?.Value ?? (e.Expression as ColumnReferenceExpression)?.MultiPartIdentifier?.Identifiers[^1].Value);
                    break;
                case SelectStarExpression star:
                {
                    List<TSqlSource?> sources = star.Qualifier is { } qualifier
                        ? [Qualified(qualifier.Identifiers.Select(i => i.Value).ToList(), scope, "*")]
                        : [.. scope.Sources];
                    foreach (var s in sources)
                    {
                        if (s?.Columns is null)
                        {
                            known = false;
                        }
                        else
                        {
                            output.AddRange(s.Columns);
                        }
                    }
                    break;
                }
                case SelectSetVariable v:
                    Expr(v.Expression, scope);
                    break;
                default:
                    _problems.Add($"the binder does not know select element {element.GetType().Name}.");
                    break;
            }
        }
        scope.SelectAliases.AddRange(output);
        BindOrderAndOffset(q, scope);
        return known ? output : null;
    }

    private void BindOrderAndOffset(QueryExpression q, TSqlScope scope)
    {
        if (q.OrderByClause is { } order)
        {
            foreach (var e in order.OrderByElements)
            {
                Expr(e.Expression, scope, orderBy: true);
            }
        }
        Expr(q.OffsetClause, scope);
    }

    private void AddSource(TableReference reference, TSqlScope scope)
    {
        switch (reference)
        {
            case NamedTableReference named:
            {
                var name = named.SchemaObject;
                var alias = named.Alias?.Value ?? name.BaseIdentifier.Value;
                if (name.SchemaIdentifier is null && scope.TryFindCte(name.BaseIdentifier.Value, out var cteColumns))
                {
                    scope.Add(alias, new TSqlSource("CTE " + name.BaseIdentifier.Value, cteColumns));
                    break;
                }
                var o = Object(name);
                var source = new TSqlSource(o?.ToString() ?? Display(name), o?.Columns ?? (IReadOnlyList<string?>)[]);
                scope.Add(alias, source);
                if (named.Alias is null && name.SchemaIdentifier is not null)
                {
                    scope.Add($"{name.SchemaIdentifier.Value}.{name.BaseIdentifier.Value}", source);
                }
                break;
            }
            case QueryDerivedTable derived:
            {
                var columns = BindQueryExpression(derived.QueryExpression, scope, null);
                scope.Add(derived.Alias.Value, new TSqlSource($"derived table {derived.Alias.Value}",
                    derived.Columns.Count > 0 ? derived.Columns.Select(c => (string?)c.Value).ToList() : columns));
                break;
            }
            case InlineDerivedTable values:
                foreach (var row in values.RowValues)
                {
                    foreach (var v in row.ColumnValues)
                    {
                        Expr(v, scope);
                    }
                }
                scope.Add(values.Alias.Value, new TSqlSource($"VALUES {values.Alias.Value}", values.Columns.Select(c => (string?)c.Value).ToList()));
                break;
            case OpenJsonTableReference json:
                Expr(json.Variable, scope);
                Expr(json.RowPattern, scope);
                scope.Add(json.Alias.Value, new TSqlSource($"OPENJSON {json.Alias.Value}", json.SchemaDeclarationItems.Count > 0
                    ? json.SchemaDeclarationItems.Select(i => (string?)i.ColumnDefinition.ColumnIdentifier.Value).ToList()
                    : ["key", "value", "type"]));
                break;
            case QualifiedJoin join:
                AddSource(join.FirstTableReference, scope);
                AddSource(join.SecondTableReference, scope);
                Expr(join.SearchCondition, scope);
                break;
            case UnqualifiedJoin join:
                // CROSS JOIN, CROSS/OUTER APPLY: the right side sees the left side's aliases (APPLY is lateral).
                AddSource(join.FirstTableReference, scope);
                AddSource(join.SecondTableReference, scope);
                break;
            case JoinParenthesisTableReference parenthesis:
                AddSource(parenthesis.Join, scope);
                break;
            default:
                _problems.Add($"the binder does not know table reference {reference.GetType().Name} (line {reference.StartLine}).");
                break;
        }
    }

    private TSqlObject? Object(SchemaObjectName name)
    {
        if (name.ServerIdentifier is not null || name.DatabaseIdentifier is not null)
        {
            _problems.Add($"{Display(name)}: names another database or server.");
            return null;
        }
        if (name.SchemaIdentifier is { } schema && !catalogue.Schemas.Contains(schema.Value))
        {
            _problems.Add($"unknown schema {schema.Value} (in {Display(name)}).");
            return null;
        }
        var o = catalogue.Find(name.SchemaIdentifier?.Value, name.BaseIdentifier.Value);
        if (o is null)
        {
            _problems.Add($"unknown table or view {Display(name)}.");
            return null;
        }
        ObjectReferences++;
        return o;
    }

    private static string Display(SchemaObjectName name) => string.Join(".", name.Identifiers.Select(i => i.Value));

    private TSqlSource? Target(TableReference target, TSqlScope scope)
    {
        if (target is NamedTableReference { SchemaObject.SchemaIdentifier: null } named && scope.Find(named.SchemaObject.BaseIdentifier.Value) is { } aliased)
        {
            // UPDATE [a] SET … FROM [sec].[x] AS [a]: the target is an alias of the FROM clause.
            return aliased;
        }
        if (target is not NamedTableReference)
        {
            _problems.Add($"the binder does not know DML target {target.GetType().Name}.");
            return null;
        }
        AddSource(target, scope);
        var t = (NamedTableReference)target;
        return scope.Find(t.Alias?.Value ?? t.SchemaObject.BaseIdentifier.Value);
    }

    /// <summary>INSERT, UPDATE SET and MERGE … INSERT column lists name columns of the target only.</summary>
    private void TargetColumn(ColumnReferenceExpression column, TSqlSource? target, TSqlScope scope)
    {
        var ids = column.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList();
        if (ids.Count == 1)
        {
            if (target is null)
            {
                return;
            }
            Check(target, ids[0]);
        }
        else
        {
            Resolve(column, scope, orderBy: false);
        }
    }

    private void Check(TSqlSource source, string column)
    {
        if (source.Columns is null)
        {
            UncheckedColumnReferences++;
        }
        else if (source.Has(column))
        {
            ColumnReferences++;
        }
        else
        {
            _problems.Add($"unknown column {column} in {source.Display} (it has: {string.Join(", ", source.Columns)}).");
        }
    }

    private TSqlScope OutputScope(TSqlScope scope, TSqlSource? target)
    {
        var output = new TSqlScope(scope);
        if (target is not null)
        {
            output.Add("inserted", target with { Display = "INSERTED of " + target.Display });
            output.Add("deleted", target with { Display = "DELETED of " + target.Display });
        }
        return output;
    }

    private void Output(OutputClause? output, OutputIntoClause? into, TSqlScope scope, TSqlSource? target)
    {
        var outputScope = OutputScope(scope, target);
        foreach (var e in (output?.SelectColumns ?? []).Concat(into?.SelectColumns ?? []))
        {
            if (e is SelectScalarExpression s)
            {
                Expr(s.Expression, outputScope);
            }
            else if (e is not SelectStarExpression)
            {
                _problems.Add($"the binder does not know output element {e.GetType().Name}.");
            }
        }
        if (into?.IntoTable is { } intoTable)
        {
            var intoScope = new TSqlScope(null);
            if (intoTable is NamedTableReference { SchemaObject.BaseIdentifier.Value: var name } && name.StartsWith('@'))
            {
                return;
            }
            AddSource(intoTable, intoScope);
        }
    }

    private void BindInsert(InsertSpecification spec, TSqlScope scope)
    {
        var target = Target(spec.Target, new TSqlScope(scope));
        foreach (var c in spec.Columns)
        {
            TargetColumn(c, target, scope);
        }
        switch (spec.InsertSource)
        {
            case ValuesInsertSource values:
                foreach (var v in values.RowValues.SelectMany(r => r.ColumnValues))
                {
                    Expr(v, scope);
                }
                break;
            case SelectInsertSource select:
                BindQueryExpression(select.Select, scope, null);
                break;
            case null:
                break;
            default:
                _problems.Add($"the binder does not know insert source {spec.InsertSource.GetType().Name}.");
                break;
        }
        Output(spec.OutputClause, spec.OutputIntoClause, scope, target);
    }

    private void BindUpdate(UpdateSpecification spec, TSqlScope ctes)
    {
        var scope = new TSqlScope(ctes);
        foreach (var source in spec.FromClause?.TableReferences ?? [])
        {
            AddSource(source, scope);
        }
        var target = Target(spec.Target, scope);
        foreach (var set in spec.SetClauses)
        {
            if (set is AssignmentSetClause a)
            {
                if (a.Column is not null)
                {
                    TargetColumn(a.Column, target, scope);
                }
                Expr(a.NewValue, scope);
            }
            else
            {
                _problems.Add($"the binder does not know set clause {set.GetType().Name}.");
            }
        }
        Expr(spec.WhereClause, scope);
        Expr(spec.TopRowFilter, scope);
        Output(spec.OutputClause, spec.OutputIntoClause, scope, target);
    }

    private void BindDelete(DeleteSpecification spec, TSqlScope ctes)
    {
        var scope = new TSqlScope(ctes);
        foreach (var source in spec.FromClause?.TableReferences ?? [])
        {
            AddSource(source, scope);
        }
        var target = Target(spec.Target, scope);
        Expr(spec.WhereClause, scope);
        Expr(spec.TopRowFilter, scope);
        Output(spec.OutputClause, spec.OutputIntoClause, scope, target);
    }

    private void BindMerge(MergeSpecification spec, TSqlScope ctes)
    {
        var scope = new TSqlScope(ctes);
        var target = Target(spec.Target, scope);
        if (spec.TableAlias is { } alias && target is not null)
        {
            scope.Add(alias.Value, target);
        }
        AddSource(spec.TableReference, scope);
        Expr(spec.SearchCondition, scope);
        foreach (var clause in spec.ActionClauses)
        {
            Expr(clause.SearchCondition, scope);
            switch (clause.Action)
            {
                case InsertMergeAction insert:
                    foreach (var c in insert.Columns)
                    {
                        TargetColumn(c, target, scope);
                    }
                    foreach (var v in (insert.Source?.RowValues ?? []).SelectMany(r => r.ColumnValues))
                    {
                        Expr(v, scope);
                    }
                    break;
                case UpdateMergeAction update:
                    foreach (var a in update.SetClauses.OfType<AssignmentSetClause>())
                    {
                        TargetColumn(a.Column, target, scope);
                        Expr(a.NewValue, scope);
                    }
                    break;
                case DeleteMergeAction:
                    break;
                default:
                    _problems.Add($"the binder does not know merge action {clause.Action.GetType().Name}.");
                    break;
            }
        }
        Output(spec.OutputClause, spec.OutputIntoClause, scope, target);
    }

    private void Expr(TSqlFragment? fragment, TSqlScope? scope, bool orderBy = false)
    {
        fragment?.Accept(new ExpressionVisitor(this, scope ?? new TSqlScope(null), orderBy));
    }

    private void Resolve(ColumnReferenceExpression column, TSqlScope scope, bool orderBy)
    {
        var ids = column.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList();
        if (ids.Count == 1)
        {
            Unqualified(ids[0], scope, orderBy);
            return;
        }
        if (ids.Count > 3)
        {
            _problems.Add($"{string.Join(".", ids)}: a column reference naming a database or server.");
            return;
        }
        if (Qualified(ids[..^1], scope, ids[^1]) is { } source)
        {
            Check(source, ids[^1]);
        }
    }

    private TSqlSource? Qualified(List<string> qualifier, TSqlScope scope, string column)
    {
        var alias = string.Join(".", qualifier);
        var source = scope.Find(alias);
        if (source is null)
        {
            _problems.Add($"{alias}.{column}: no table, view or alias {alias} in scope.");
        }
        return source;
    }

    private void Unqualified(string column, TSqlScope scope, bool orderBy)
    {
        if (orderBy && scope.SelectAliases.Any(a => string.Equals(a, column, StringComparison.OrdinalIgnoreCase)))
        {
            ColumnReferences++;
            return;
        }
        var unknown = false;
        for (var s = scope; s is not null; s = s.Parent)
        {
            foreach (var source in s.Sources)
            {
                if (source.Columns is null)
                {
                    unknown = true;
                }
                else if (source.Has(column))
                {
                    ColumnReferences++;
                    return;
                }
            }
        }
        if (unknown)
        {
            UncheckedColumnReferences++;
        }
        else if (!DateParts.Contains(column))
        {
            _problems.Add($"unknown column {column}: no source in scope has it ({string.Join(", ", AllSources(scope))}).");
        }
    }

    private static IEnumerable<string> AllSources(TSqlScope scope)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            foreach (var source in s.Sources)
            {
                yield return source.Display;
            }
        }
    }

    /// <summary>Finds column references in an expression; nested queries are bound as queries with this scope as their parent.</summary>
    private sealed class ExpressionVisitor(TSqlBinder binder, TSqlScope scope, bool orderBy) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (node.ColumnType == ColumnType.Regular && node.MultiPartIdentifier is not null)
            {
                binder.Resolve(node, scope, orderBy);
            }
        }

        public override void ExplicitVisit(ScalarSubquery node) => binder.BindQueryExpression(node.QueryExpression, scope, null);

        public override void ExplicitVisit(QuerySpecification node) => binder.BindQueryExpression(node, scope, null);

        public override void ExplicitVisit(BinaryQueryExpression node) => binder.BindQueryExpression(node, scope, null);

        public override void ExplicitVisit(QueryParenthesisExpression node) => binder.BindQueryExpression(node, scope, null);
    }
}
