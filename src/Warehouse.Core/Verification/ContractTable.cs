using System.Globalization;
using System.Text;
using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// The contract as Markdown (<c>verify --contract</c>; the table in docs/own-warehouse.md is this output, and a
/// test keeps the two equal): the accepted types per kind of value and provider, then per view its columns with
/// kind, nullability and what the data rules check.
/// </summary>
public static class ContractTable
{
    private static readonly (string Kind, Type Type, string Meaning)[] Kinds =
    [
        ("text", typeof(string), "codes, ids (ASCII) and Chinese text"),
        ("integer", typeof(int), "whole numbers (years, counts, percentages)"),
        ("bigint", typeof(long), "money in integer fen (1 元 = 100 fen), record keys"),
        ("flag", typeof(bool), "yes/no"),
        ("date", typeof(DateOnly), "calendar dates (a month is its first day)"),
        ("time", typeof(DateTime), "UTC times to the millisecond (updated_at)"),
    ];

    public static string Markdown(WarehouseCatalogue catalogue)
    {
        var sb = new StringBuilder();
        sb.Append("| kind | SQL Server | PostgreSQL | SQLite | used for |\n|---|---|---|---|---|\n");
        foreach (var (kind, type, meaning) in Kinds)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {kind} | {TypeCompatibility.Expected(DatabaseProvider.SqlServer, type)} | " +
                $"{TypeCompatibility.Expected(DatabaseProvider.PostgreSql, type)} | {TypeCompatibility.Expected(DatabaseProvider.Sqlite, type)} | " +
                $"{meaning} |\n");
        }
        var references = Contract.References(catalogue);
        var regions = Contract.Regions(catalogue);
        foreach (var entity in catalogue.Entities)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n#### `api.{entity.View}` ({entity.TypeName}, {entity.Label}): key `{entity.Key.Column}`\n\n");
            sb.Append("| column | kind | null | checked |\n|---|---|---|---|\n");
            var regionCodes = Contract.RegionCodes(entity).ToDictionary(c => c.Field, c => c.Level);
            foreach (var column in Contract.Columns(entity))
            {
                // The hidden columns say what they are for: a DBA has no field description to go by.
                var checks = column.Field is null ? new List<string> { column.Purpose } : [];
                if (column.Field == entity.Key)
                {
                    checks.Add("unique, not null");
                }
                if (column.Field is { } f && regionCodes.TryGetValue(f, out var level))
                {
                    checks.Add($"{RegionCodeCheck.Name(level)} code" + (entity == regions ? "" : ", in regions"));
                }
                if (column.Field?.Kind == FieldKind.RegionLevel)
                {
                    checks.Add("COUNTY, TOWNSHIP or VILLAGE, the level of the code");
                }
                foreach (var r in references.Where(r => r.From == entity && r.FromField == column.Field
                    && !(r.To == regions && regionCodes.ContainsKey(r.FromField))))
                {
                    checks.Add($"→ `{r.To.View}.{r.ToField.Column}`");
                }
                if (column.IsMoney)
                {
                    checks.Add(MoneyNonNegativeRule.MayBeNegative(column.Field!) ? "whole fen" : "whole fen, ≥ 0");
                }
                if (column.IsDate)
                {
                    checks.Add("plausible date");
                }
                var kind = Kinds.First(k => k.Type == column.ValueType).Kind;
                sb.Append(CultureInfo.InvariantCulture, $"| `{column.Name}` | {kind} | {(column.Nullable ? "yes" : "no")} | {string.Join("; ", checks)} |\n");
            }
        }
        return sb.ToString();
    }
}
