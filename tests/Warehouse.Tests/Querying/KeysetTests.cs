using System.Linq.Expressions;
using Warehouse.Querying;
using Xunit;

namespace Warehouse.Tests.Querying;

/// <summary>
/// The seek predicate, evaluated in memory: for every cursor position in a sorted set (nulls first ascending, last
/// descending, ties broken by id), the rows it keeps are exactly the rows after that position; the leading bound
/// (added for PostgreSQL's index ranges) never drops one.
/// </summary>
public sealed class KeysetTests
{
    public sealed record Row(string Id, decimal? Income, int Size, bool Flag);

    private static readonly Row[] Rows =
    [
        .. Enumerable.Range(0, 60).Select(i => new Row(
            $"h{i:000}",
            i % 7 == 0 ? null : (i * 37 % 11) * 100m,
            i % 4,
            i % 3 == 0)),
    ];

    private static readonly ParameterExpression X = Expression.Parameter(typeof(Row), "x");

    private static SortKey Key(string property, bool descending, bool canBeNull = true) =>
        new(property, Expression.Property(X, property), descending, canBeNull);

    public static TheoryData<string> Orders => new()
    {
        "Income asc, Id asc",
        "Income desc, Id asc",
        "Income desc, Id desc",
        "Size asc, Income asc, Id asc",
        "Size desc, Income desc, Id desc",
        "Size desc!, Id asc",
        "Flag asc, Income asc, Id asc",
        "Id asc",
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Every_cursor_keeps_exactly_the_rows_after_it(string order)
    {
        var keys = Parse(order);
        var sorted = Rows.Order(Comparer<Row>.Create((a, b) => Compare(keys, a, b))).ToList();
        for (var position = 0; position < sorted.Count; position++)
        {
            var values = keys.Select(k => Value(k, sorted[position])).ToList();
            var after = Expression.Lambda<Func<Row, bool>>(Keyset.After(keys, values), X).Compile();
            var kept = sorted.Where(after).Select(r => r.Id).ToList();
            Assert.Equal(sorted.Skip(position + 1).Select(r => r.Id).ToList(), kept);
        }
    }

    public static TheoryData<string, object?, bool> Bounds => new()
    {
        { "Income asc", 300m, true },
        { "Income asc", null, false },
        { "Income desc", 300m, false }, // nulls sort after every value descending: no single range
        { "Size desc!", 2, true },
        { "Flag asc", true, false },
        { "Id asc", "h010", true },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void The_leading_bound_exists_only_where_it_is_one_range(string key, object? value, bool bounded) =>
        Assert.Equal(bounded, Keyset.LeadingBound(Parse(key)[0], value) is not null);

    private static List<SortKey> Parse(string order) =>
    [
        .. order.Split(", ").Select(term =>
        {
            var parts = term.Split(' ');
            var notNull = parts[1].EndsWith('!');
            return Key(parts[0], parts[1].TrimEnd('!') == "desc", canBeNull: !notNull && parts[0] == "Income");
        }),
    ];

    private static object? Value(SortKey key, Row row) => typeof(Row).GetProperty(key.Path)!.GetValue(row);

    /// <summary>The order the engine asks of the database: nulls first ascending, last descending.</summary>
    private static int Compare(List<SortKey> keys, Row a, Row b)
    {
        foreach (var key in keys)
        {
            var (x, y) = (Value(key, a), Value(key, b));
            var c = (x, y) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                _ => x is string s ? string.CompareOrdinal(s, (string)y) : Comparer<object>.Default.Compare(x, y),
            };
            if (c != 0)
            {
                return key.Descending ? -c : c;
            }
        }
        return 0;
    }
}
