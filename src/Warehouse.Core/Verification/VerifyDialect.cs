using System.Globalization;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// The SQL spelling of verify's statements per provider: quoting, the row limit, text casts, region-code and date
/// tests. Everything is a literal (no parameters), so a statement is complete as printed and binds as it is.
/// </summary>
internal sealed class VerifyDialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>An API view as a FROM item (api.households / api_households).</summary>
    public string View(string view) => DbNames.QuotedView(Provider, view);

    public string Quote(string name) => Provider == DatabaseProvider.SqlServer
        ? "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]"
        : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A column of the row alias <c>t</c> (or another alias).</summary>
    public string Column(string name, string alias = "t") => alias + "." + Quote(name);

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>An expression as text (keys and sampled values come back as text whatever their type).</summary>
    public string Text(string expression) => Provider switch
    {
        DatabaseProvider.SqlServer => $"CAST({expression} AS nvarchar(4000))",
        DatabaseProvider.PostgreSql => $"CAST({expression} AS text)",
        _ => $"CAST({expression} AS TEXT)",
    };

    /// <summary><c>SELECT TOP (n) …</c> or <c>SELECT … LIMIT n</c>.</summary>
    public string Select(string selectList, string rest, int limit) => Provider == DatabaseProvider.SqlServer
        ? $"SELECT TOP ({limit.ToString(CultureInfo.InvariantCulture)}) {selectList} {rest}"
        : $"SELECT {selectList} {rest} LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";

    public string Substring(string expression, int start, int length) =>
        $"{(Provider == DatabaseProvider.SqlServer ? "SUBSTRING" : "substr")}({expression}, {start}, {length})";

    /// <summary>True when a (non-null) value is not 12 ASCII digits.</summary>
    public string NotTwelveDigits(string x) => Provider switch
    {
        // LEN ignores trailing blanks, but a blank is not a digit, so the LIKE catches it.
        DatabaseProvider.SqlServer => $"(LEN({x}) <> 12 OR {x} LIKE '%[^0-9]%')",
        DatabaseProvider.PostgreSql => $"({x} !~ '^[0-9]{{12}}$')",
        _ => $"(length({x}) <> 12 OR {x} GLOB '*[^0-9]*')",
    };

    /// <summary>True when a non-null value is not a 12-digit code of <paramref name="level"/> (see <see cref="RegionCodeCheck"/>).</summary>
    public string NotRegionCode(string x, RegionLevel level)
    {
        var township = Substring(x, 7, 3);
        var village = Substring(x, 10, 3);
        var levelTest = level switch
        {
            RegionLevel.County => $"{Substring(x, 7, 6)} <> '000000'",
            RegionLevel.Township => $"{township} = '000' OR {village} <> '000'",
            _ => $"{township} = '000' OR {village} = '000'",
        };
        return $"({x} IS NOT NULL AND ({NotTwelveDigits(x)} OR {levelTest}))";
    }

    /// <summary>True when a non-null money value is not a whole number of fen, or not a number at all.</summary>
    /// <remarks>
    /// Only SQLite needs it: its columns hold whatever was inserted (150.5 in an INTEGER column stays 150.5). On the
    /// typed engines the column-type rule already demands an integer type, which holds nothing else.
    /// </remarks>
    public static string NotWholeFen(string x) =>
        $"(typeof({x}) IN ('text', 'blob') OR (typeof({x}) = 'real' AND {x} <> CAST({x} AS INTEGER)))";

    /// <summary>SQLite only: true when a value is date text in the stored format ('yyyy-MM-dd'; times 'yyyy-MM-dd HH:mm:ss[.fff]').</summary>
    /// <remarks>date() normalises what it accepts ('2025-02-30' becomes '2025-03-01'), so a date must come back unchanged.</remarks>
    public static string IsValidDate(string x, bool isTimestamp) => isTimestamp
        ? $"(typeof({x}) = 'text' AND datetime({x}) IS NOT NULL AND substr({x}, 11, 1) = ' ')"
        : $"(typeof({x}) = 'text' AND date({x}) IS {x})";

    /// <summary>True when a non-null date or time lies outside [min, max] (on SQLite: a valid one; see <see cref="IsValidDate"/>).</summary>
    public string NotPlausibleDate(string x, bool isTimestamp, DateOnly min, DateOnly max)
    {
        var after = max.AddDays(1);
        var format = Provider == DatabaseProvider.SqlServer ? "yyyyMMdd" : "yyyy-MM-dd";
        var lo = Literal(min.ToString(format, CultureInfo.InvariantCulture));
        var hi = Literal(after.ToString(format, CultureInfo.InvariantCulture));
        var range = $"{x} < {lo} OR {x} >= {hi}";
        return Provider == DatabaseProvider.Sqlite
            ? $"({x} IS NOT NULL AND {IsValidDate(x, isTimestamp)} AND ({range}))"
            : $"({x} IS NOT NULL AND ({range}))";
    }
}
