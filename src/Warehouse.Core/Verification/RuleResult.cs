namespace Warehouse.Verification;

/// <summary>The outcome of one rule over every view.</summary>
internal sealed class RuleResult(Rule rule)
{
    public string Rule { get; } = rule.Name;
    public Severity Severity { get; } = rule.Severity;
    public string Description { get; } = rule.Description;

    /// <summary>Whether the offences are rows (data rules) or views and columns (structure rules, which have no key).</summary>
    public bool RowLevel { get; } = rule is DataRule;

    /// <summary>Offending rows (or views, or columns, for the structure rules) over all views.</summary>
    public long Count { get; internal set; }

    /// <summary>The first offending rows, in view (catalogue) order, then key order.</summary>
    public List<Offence> Sample { get; } = [];

    /// <summary>Views the rule ran a statement on (or, for structure rules, looked at).</summary>
    public int Views { get; internal set; }

    /// <summary>Statements that failed ("view: message"): the rule could not check that view.</summary>
    public List<string> Failures { get; } = [];

    public bool Passed => Count == 0 && Failures.Count == 0;
}
