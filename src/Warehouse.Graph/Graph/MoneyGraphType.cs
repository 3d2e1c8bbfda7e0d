using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Warehouse.Graph;

/// <summary>
/// The schema's <c>Decimal</c>: money in 元 and other exact decimals. Accepted as a JSON number or a JSON string
/// (<c>8500</c>, <c>8500.5</c>, <c>"8500.50"</c>), in variables and in literals, because clients that keep money as
/// strings to avoid binary floating point (most typed clients) send it that way; results are JSON numbers.
/// One class for every use so the schema has one scalar of this name.
/// </summary>
internal sealed class MoneyGraphType : DecimalGraphType
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public MoneyGraphType()
    {
        Name = "Decimal";
        Description = "An exact decimal number, for money in 元 (yuan) with at most two decimal places. Results are JSON numbers; "
            + "inputs may be JSON numbers or strings (8500, 8500.5, \"8500.50\"). Map it to a decimal or string type in generated clients, never " +
                "to a binary float.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse((string)s.Value),
        _ => base.ParseLiteral(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s => Parse(s),
        _ => base.ParseValue(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => TryParse((string)s.Value, out _),
        _ => base.CanParseLiteral(value),
    };

    public override bool CanParseValue(object? value) => value switch
    {
        string s => TryParse(s, out _),
        _ => base.CanParseValue(value),
    };

    private static decimal Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a decimal number.");

    private static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.AsSpan().Trim(), Style, CultureInfo.InvariantCulture, out value);
}
