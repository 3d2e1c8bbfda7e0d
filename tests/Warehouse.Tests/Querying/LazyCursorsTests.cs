using Warehouse.Querying;
using Xunit;

namespace Warehouse.Tests.Querying;

/// <summary>
/// A page's cursors are signed on first read (most pages never read them): each index gives the cursor the eager
/// encoding gave, encodes once however often it is read, and nothing is encoded for a page whose cursors are not read.
/// Table-driven, no database.
/// </summary>
public sealed class LazyCursorsTests
{
    private static readonly CursorCodec Codec = new("lazy-cursors-key-of-32-bytes-!!!"u8.ToArray());
    private static readonly string Signature = CursorCodec.Signature("Household", ["perCapitaNetIncome+", "id+"]);

    public static TheoryData<int> Sizes => new() { 0, 1, 2, 50 };

    private static object?[] Values(int row) => [row * 1_000L, $"H{row:D7}"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Each_cursor_is_the_eager_one_and_is_encoded_once(int size)
    {
        var calls = new int[size];
        var lazy = new LazyCursors(size, i =>
        {
            calls[i]++;
            return Codec.Encode(Signature, Values(i));
        });
        var eager = Enumerable.Range(0, size).Select(i => Codec.Encode(Signature, Values(i))).ToList();

        Assert.Equal(size, lazy.Count);
        Assert.All(calls, c => Assert.Equal(0, c));
        Assert.Equal(eager, lazy.ToList());
        Assert.Equal(eager, lazy.ToList());
        if (size > 0)
        {
            Assert.Equal(eager[^1], lazy[^1]);
            Assert.Equal(Values(size - 1), Codec.Decode(lazy[size - 1], Signature, [typeof(long?), typeof(string)]));
        }
        Assert.All(calls, c => Assert.Equal(1, c));
    }

    [Fact]
    public void An_index_outside_the_page_is_refused_without_encoding()
    {
        var encoded = 0;
        var lazy = new LazyCursors(3, _ => $"c{++encoded}");
        Assert.Throws<IndexOutOfRangeException>(() => lazy[3]);
        Assert.Throws<IndexOutOfRangeException>(() => lazy[-1]);
        Assert.Equal(0, encoded);
    }
}
