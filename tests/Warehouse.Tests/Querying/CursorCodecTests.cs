using System.Buffers.Text;
using Warehouse.Querying;
using Xunit;

namespace Warehouse.Tests.Querying;

/// <summary>
/// Cursors are signed sort values: any change, any other key and any other query is INVALID_CURSOR, never data
/// and never a 500. Table-driven, no database.
/// </summary>
public sealed class CursorCodecTests
{
    private static readonly byte[] Key = "cursor-tests-key-of-32-bytes-!!!"u8.ToArray();
    private static readonly CursorCodec Codec = new(Key);
    private static readonly string Signature = CursorCodec.Signature("Household", ["perCapitaNetIncome:ASC", "id:ASC"]);
    private static readonly Type[] Types = [typeof(long?), typeof(string)];

    public static TheoryData<object?[], Type[]> RoundTrips => new()
    {
        { [850_000L, "H0000001"], [typeof(long?), typeof(string)] },
        { [null, "H0000002"], [typeof(long?), typeof(string)] },
        { [7, true, new DateOnly(2024, 2, 29)], [typeof(int), typeof(bool), typeof(DateOnly?)] },
        { ["含中文的值", "x\"y\\z"], [typeof(string), typeof(string)] },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Values_round_trip(object?[] values, Type[] types)
    {
        var signature = CursorCodec.Signature("T", types.Select(t => t.Name));
        Assert.Equal(values, Codec.Decode(Codec.Encode(signature, values), signature, types));
    }

    [Fact]
    public void Every_single_byte_change_is_refused()
    {
        var raw = Base64Url.DecodeFromChars(Codec.Encode(Signature, [850_000L, "H0000001"]));
        for (var i = 0; i < raw.Length; i++)
        {
            var tampered = raw.ToArray();
            tampered[i] ^= 0x01;
            var e = Assert.Throws<QueryException>(() => Codec.Decode(Base64Url.EncodeToString(tampered), Signature, Types));
            Assert.Equal(ErrorCodes.InvalidCursor, e.Code);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("eyJ9")]
    [InlineData("W10")]
    public void Garbage_is_refused(string cursor)
    {
        Assert.Equal(ErrorCodes.InvalidCursor, Assert.Throws<QueryException>(() => Codec.Decode(cursor, Signature, Types)).Code);
    }

    [Fact]
    public void A_cursor_signed_with_another_key_is_refused()
    {
        var foreign = new CursorCodec("another-deployment-key-32-bytes!"u8.ToArray()).Encode(Signature, [850_000L, "H0000001"]);
        Assert.Equal(ErrorCodes.InvalidCursor, Assert.Throws<QueryException>(() => Codec.Decode(foreign, Signature, Types)).Code);
    }

    [Fact]
    public void A_cursor_of_another_query_is_refused_with_a_reason()
    {
        var cursor = Codec.Encode(Signature, [850_000L, "H0000001"]);
        var other = CursorCodec.Signature("Household", ["perCapitaNetIncome:DESC", "id:DESC"]);
        var e = Assert.Throws<QueryException>(() => Codec.Decode(cursor, other, Types));
        Assert.Equal(ErrorCodes.InvalidCursor, e.Code);
        Assert.Contains("another query", e.Message, StringComparison.Ordinal);
        // The same signature with a different number of sort values is another query too.
        Assert.Equal(ErrorCodes.InvalidCursor, Assert.Throws<QueryException>(() => Codec.Decode(cursor, Signature, [typeof(string)])).Code);
    }

    [Fact]
    public void Signed_values_of_the_wrong_type_are_refused_not_a_crash()
    {
        // A correctly signed cursor whose values do not fit the types: only a bug or a key leak produces one.
        var cursor = Codec.Encode(Signature, ["not a number", 42]);
        Assert.Equal(ErrorCodes.InvalidCursor, Assert.Throws<QueryException>(() => Codec.Decode(cursor, Signature, Types)).Code);
    }

    [Fact]
    public void Short_keys_are_refused() => Assert.Throws<ArgumentException>(() => new CursorCodec(new byte[15]));
}
