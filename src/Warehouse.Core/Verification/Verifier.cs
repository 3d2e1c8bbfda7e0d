using System.Data.Common;
using System.Globalization;
using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// Checks a database's API views against the contract the catalogue defines (<see cref="Contract"/>): reads the
/// views and column types once, runs the structure rules on them, then one statement per data rule and view.
/// Read-only: it runs SELECTs and nothing else.
/// </summary>
public sealed class Verifier(WarehouseCatalogue catalogue, VerifyOptions options)
{
    /// <summary>Every rule, in report order: structure first, then rows.</summary>
    internal static IReadOnlyList<Rule> Rules { get; } =
    [
        new ViewExistsRule(), new ColumnExistsRule(), new ColumnTypeRule(), new ViewReadableRule(),
        new KeyNotNullRule(), new KeyUniqueRule(), new RequiredValueRule(), new RegionCodeRule(), new RegionKnownRule(),
        new ReferenceRule(), new MoneyWholeFenRule(), new MoneyNonNegativeRule(), new DateFormatRule(), new DatePlausibleRule(),
    ];

    /// <summary>Per statement: how long it may take (a NOT EXISTS over a large view without an index takes a while).</summary>
    public int CommandTimeoutSeconds { get; init; } = 600;

    public VerificationReport Run(DbConnection connection, DatabaseProvider provider, string database)
    {
        var schema = SchemaReader.Read(connection, provider);
        var context = new VerifyContext(catalogue, schema, options);
        var rows = new Dictionary<EntityDef, long>();
        var results = new List<RuleResult>();
        foreach (var rule in Rules)
        {
            var result = new RuleResult(rule);
            results.Add(result);
            foreach (var entity in catalogue.Entities)
            {
                if (rule is SchemaRule schemaRule)
                {
                    result.Views++;
                    foreach (var offence in schemaRule.Check(entity, context))
                    {
                        Add(result, offence);
                    }
                }
                else if (rule is DataRule dataRule && dataRule.Statement(entity, context) is { } sql)
                {
                    result.Views++;
                    try
                    {
                        Execute(connection, sql, dataRule, entity, context, result, rows);
                    }
                    catch (DbException e)
                    {
                        result.Failures.Add($"{entity.View}: {e.Message}");
                    }
                }
            }
        }
        var views = catalogue.Entities.Select(e => new ViewSummary(e.View, e.TypeName, schema.HasView(e.View),
            rows.TryGetValue(e, out var n) ? n : null, context.Columns(e).Count,
            context.Columns(e).Count(c => schema.Column(e.View, c.Name) is not null))).ToList();
        return new VerificationReport
        {
            Provider = provider, Database = database, Today = options.Today, MinDate = options.MinDate, MaxDate = options.MaxDate,
            Views = views, Rules = results
        };
    }

    /// <summary>Every data statement verify would run on a database with this schema (tests bind them for SQL Server).</summary>
    internal IEnumerable<(Rule Rule, EntityDef Entity, string Sql)> Statements(DatabaseSchema schema)
    {
        var context = new VerifyContext(catalogue, schema, options);
        foreach (var rule in Rules.OfType<DataRule>())
        {
            foreach (var entity in catalogue.Entities)
            {
                if (rule.Statement(entity, context) is { } sql)
                {
                    yield return (rule, entity, sql);
                }
            }
        }
    }

    private void Execute(DbConnection connection, string sql, DataRule rule, EntityDef entity, VerifyContext context, RuleResult result, Dictionary<EntityDef,
        long> rows)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = CommandTimeoutSeconds;
        using var reader = command.ExecuteReader();
        if (rule is ViewReadableRule)
        {
            reader.Read();
            rows[entity] = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            return;
        }
        var first = true;
        while (reader.Read())
        {
            if (first)
            {
                // n is the window count: every offending row of the view, however many the limit returned.
                result.Count += Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
                first = false;
            }
            var column = reader.IsDBNull(1) ? "" : reader.GetString(1);
            var value = reader.IsDBNull(2) ? null : reader.GetString(2);
            if (result.Sample.Count < options.Sample)
            {
                result.Sample.Add(new Offence(entity.View, reader.IsDBNull(0) ? null : reader.GetString(0), column,
                    rule.Explain(entity, column, value, context)));
            }
        }
    }

    private void Add(RuleResult result, Offence offence)
    {
        result.Count++;
        if (result.Sample.Count < options.Sample)
        {
            result.Sample.Add(offence);
        }
    }
}
