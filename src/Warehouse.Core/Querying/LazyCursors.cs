using System.Collections;

namespace Warehouse.Querying;

/// <summary>
/// A page's cursors, each signed only when someone reads it. Most pages are read as <c>nodes</c> without
/// <c>edges { cursor }</c> or <c>pageInfo</c>, and encoding (JSON of the sort values plus an HMAC) for every row
/// was spent for nothing on each of them (issue 15, "request path" in docs/performance.md). A cursor read twice is
/// encoded once; two threads racing on one index both compute the same string, so no lock is needed.
/// </summary>
internal sealed class LazyCursors(int count, Func<int, string> encode) : IReadOnlyList<string>
{
    private readonly string?[] _done = new string?[count];

    public int Count => _done.Length;

    public string this[int index] => _done[index] ??= encode(index);

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _done.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
