using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Warehouse.Generation;
using Warehouse.Generation.Rows;
using Xunit;

namespace Warehouse.Tests.Generation;

/// <summary>
/// The generator's named rows hand the sinks the same positional values the table's column list promises: one row
/// type per table, its properties named after the columns in the columns' order, and <c>Values()</c> in that order.
/// </summary>
public class TableRowTests
{
    private static readonly Type[] RowTypes = typeof(ITableRow).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(ITableRow).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<string> RowTypeNames => new(RowTypes.Select(t => t.Name));

    [Fact]
    public void Every_table_has_one_row_type()
    {
        var tables = RowTypes
            .Select(t => (string)t.GetProperty("Table", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(Tables.All.Order(StringComparer.Ordinal), tables);
    }

    [Theory]
    [MemberData(nameof(RowTypeNames))]
    public void Properties_are_the_columns_and_values_come_in_their_order(string rowType)
    {
        var type = RowTypes.Single(t => t.Name == rowType);
        var columns = (IReadOnlyList<string>)type.GetProperty("Columns", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var constructor = type.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != type));
        var parameters = constructor.GetParameters();
        Assert.Equal(columns, parameters.Select(p => SnakeCase(p.Name!)));

        // A distinct value per column, of the parameter's type, so a swapped pair in Values() shows.
        var arguments = parameters.Select((p, i) => Distinct(p.ParameterType, i)).ToArray();
        var row = (ITableRow)constructor.Invoke(arguments);
        Assert.Equal(arguments, row.Values());
    }

    /// <summary>The column's number as the parameter's type: an int, a long or a string.</summary>
    private static object Distinct(Type type, int i)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        Assert.Contains(underlying, new[] { typeof(int), typeof(long), typeof(string) });
        return Convert.ChangeType(underlying == typeof(string) ? "v" + i.ToString(CultureInfo.InvariantCulture) : i, underlying, CultureInfo.InvariantCulture);
    }

    private static string SnakeCase(string name) => Regex.Replace(name, "(?<!^)([A-Z])", "_$1").ToLowerInvariant();
}
