namespace Warehouse.Cli;

/// <summary>--name value options after the verb.</summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> Known = ["households", "seed", "county", "out", "role", "region", "user", "minutes", "provider", "connection",
        "file", "name", "as-of", "entity", "mapping", "report", "to-xlsx", "sample"];

    /// <summary>Options without a value (switches: present or not).</summary>
    private static readonly HashSet<string> Switches = ["accept-valid", "dry-run", "json", "contract"];
    private readonly Dictionary<string, string> _values;

    private CliArguments(Dictionary<string, string> values) => _values = values;

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
            var name = arg[2..];
            if (Switches.Contains(name))
            {
                values[name] = "true";
                continue;
            }
            if (!Known.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name}");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"--{name} needs a value");
            }
            values[name] = args[++i];
        }
        return new CliArguments(values);
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);

    public int Int(string name, int fallback)
    {
        if (Get(name) is not { } text)
        {
            return fallback;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException($"--{name} must be a whole number, not '{text}'.");
    }
}
