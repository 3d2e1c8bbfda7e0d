using Warehouse.Querying;

namespace Warehouse.Graph;

/// <summary>What a connection field resolves to; its nodes, edges, pageInfo and totalCount read from it.</summary>
internal sealed record ConnectionResult(PageResult Page)
{
    public IEnumerable<EdgeResult> Edges => Page.Rows.Select((row, i) => new EdgeResult(Page.Cursors[i], row));

    public PageInfoResult PageInfo => new(Page.HasNextPage, Page.HasPreviousPage,
        Page.Cursors.Count > 0 ? Page.Cursors[0] : null, Page.Cursors.Count > 0 ? Page.Cursors[^1] : null);
}
