using System.Text.Json.Nodes;

namespace Warehouse.Benchmarks.Peer;

/// <summary>
/// "The same answer" between our API and the peer, checked before timing: the peer names things its own way
/// (<c>allHouseholds</c>, <c>householdId</c>, members as a connection), so its JSON cannot equal ours; what must be
/// equal is the rows: the same households in the same order, each with the same members in the same order.
/// </summary>
internal static class PeerComparison
{
    /// <summary>Where a page's rows and their nested rows are in one side's answer.</summary>
    /// <param name="List">The root field under <c>data</c> (a connection with <c>nodes</c>).</param>
    /// <param name="Id">The row's key field.</param>
    /// <param name="Children">The nested list field, or null when the query has none.</param>
    /// <param name="ChildId">The nested row's key field.</param>
    /// <param name="ChildrenAreConnection">True when the nested list is a connection (<c>{ nodes: [...] }</c>).</param>
    internal sealed record Shape(string List, string Id, string? Children = null, string? ChildId = null, bool ChildrenAreConnection = false);

    /// <summary>One row of a page: its key and its nested rows' keys, in answer order.</summary>
    internal sealed record Row(string Id, IReadOnlyList<string> Children);

    /// <summary>The rows of an answer; fails with the answer's start when it has errors or not the expected shape.</summary>
    public static IReadOnlyList<Row> Rows(string json, Shape shape)
    {
        var root = JsonNode.Parse(json) ?? throw new InvalidOperationException("empty answer");
        if (root["errors"] is not null)
        {
            throw new InvalidOperationException("the answer has errors: " + Start(json));
        }
        var nodes = root["data"]?[shape.List]?["nodes"] as JsonArray
            ?? throw new InvalidOperationException($"no data.{shape.List}.nodes in the answer: " + Start(json));
        return nodes.Select(node =>
        {
            var id = node?[shape.Id]?.GetValue<string>() ?? throw new InvalidOperationException($"a row without {shape.Id}: " + Start(json));
            if (shape.Children is null)
            {
                return new Row(id, []);
            }
            var list = node![shape.Children];
            var items = (shape.ChildrenAreConnection ? list?["nodes"] : list) as JsonArray
                ?? throw new InvalidOperationException($"row {id} has no {shape.Children} list: " + Start(json));
            return new Row(id, items.Select(c => c?[shape.ChildId!]?.GetValue<string>() ?? "").ToList());
        }).ToList();
    }

    /// <summary>Null when both pages hold the same rows in the same order with the same nested rows, else the first difference.</summary>
    public static string? Difference(IReadOnlyList<Row> ours, IReadOnlyList<Row> peer)
    {
        if (ours.Count != peer.Count)
        {
            return $"{ours.Count} rows (ours) vs {peer.Count} (peer)";
        }
        for (var i = 0; i < ours.Count; i++)
        {
            if (ours[i].Id != peer[i].Id)
            {
                return $"row {i}: {ours[i].Id} (ours) vs {peer[i].Id} (peer)";
            }
            if (!ours[i].Children.SequenceEqual(peer[i].Children))
            {
                return $"row {i} ({ours[i].Id}): {ours[i].Children.Count} nested rows [{string.Join(",", ours[i].Children)}] (ours) vs "
                    + $"{peer[i].Children.Count} [{string.Join(",", peer[i].Children)}] (peer)";
            }
        }
        return null;
    }

    /// <summary>Rows and nested rows counted, for the report ("50 households, 131 members").</summary>
    public static (int Rows, int Children) Count(IReadOnlyList<Row> rows) => (rows.Count, rows.Sum(r => r.Children.Count));

    private static string Start(string json) => json.Length > 300 ? json[..300] + "…" : json;
}
