using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>One connection page: scope, where, order + key, keyset seek from the cursor, first+1 rows, cursors.</summary>
internal sealed class PageVisitor(QuerySources sources, PageRequest request, CursorCodec cursors, PagingOptions paging, CancellationToken ct)
    : IEntityVisitor<Task<PageResult>>
{
    public async Task<PageResult> Visit<T>(EntityDef<T> entity) where T : class, new()
    {
        var (size, backward) = PageSize();
        var x = Expression.Parameter(typeof(T), "x");
        var (query, keys) = ListQuery.Start(sources, entity, x, request.Where, request.AsOf, request.Order);
        // A cursor belongs to one type, order, filter and reader: replayed elsewhere it is an INVALID_CURSOR error.
        var signature = CursorCodec.Signature(entity.TypeName, keys.Select(k => k.Path + (k.Descending ? "-" : "+"))
            .Append(System.Text.Json.JsonSerializer.Serialize(request.Where)).Append(sources.Access.RoleName + ":" + sources.Access.RegionCode)
            .Concat(request.AsOf is { } asOf ? ["asOf:" + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)] : []));
        var types = keys.Select(k => k.ValueType).ToList();

        // The cursor is checked even when only totalCount is asked for: a bad cursor is an error on every path.
        var cursor = backward ? request.Before : request.After;
        var values = cursor is null ? null : cursors.Decode(cursor, signature, types);
        int? total = request.IncludeTotalCount ? await query.CountAsync(ct) : null;
        if (!request.IncludeRows)
        {
            return new PageResult { Rows = [], Cursors = [], TotalCount = total };
        }

        var seek = backward ? keys.Select(k => k.Reversed()).ToList() : keys;
        var filtered = query;
        Expression<Func<T, bool>>? afterCursor = null;
        if (values is not null)
        {
            afterCursor = Expression.Lambda<Func<T, bool>>(Keyset.After(seek, values), x);
            query = query.Where(afterCursor);
        }
        var projection = Projection.Keyed(entity, x, request.Properties, keys);
        var rows = await Ordering.Apply(query, x, seek, sources.Db.Provider).Take(size + 1).Select(projection).ToListAsync(ct);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (backward)
        {
            rows.Reverse();
        }
        // The side the reader came from: rows exist there if the cursor row or anything before it is still there.
        var opposite = cursor is not null
                       && (!request.CheckOppositeSide || await filtered.Where(Negate(afterCursor!)).AnyAsync(ct));
        return new PageResult
        {
            Rows = rows.ConvertAll(r => (object)r.Row),
            Cursors = new LazyCursors(rows.Count, i => cursors.Encode(signature, Enumerable.Range(0, keys.Count).Select(k => rows[i][k]).ToList())),
            HasNextPage = backward ? opposite : more,
            HasPreviousPage = backward ? more : opposite,
            TotalCount = total,
        };
    }

    private (int Size, bool Backward) PageSize()
    {
        if (request.First is not null && request.Last is not null)
        {
            throw new QueryException(ErrorCodes.InvalidPaging, "Use first (with after) or last (with before), not both.");
        }
        if (request.After is not null && request.Before is not null)
        {
            throw new QueryException(ErrorCodes.InvalidPaging, "Use after or before, not both.");
        }
        var backward = request.Last is not null || (request.Before is not null && request.First is null);
        if (backward && request.After is not null)
        {
            throw new QueryException(ErrorCodes.InvalidPaging, "last pages backwards: combine it with before, not after.");
        }
        if (!backward && request.Before is not null)
        {
            throw new QueryException(ErrorCodes.InvalidPaging, "first pages forwards: combine it with after, not before.");
        }
        var size = (backward ? request.Last : request.First) ?? paging.DefaultPageSize;
        if (size < 0)
        {
            throw new QueryException(ErrorCodes.InvalidPaging, "first and last must not be negative.");
        }
        if (size > paging.MaxPageSize)
        {
            throw new QueryException(ErrorCodes.PageSizeExceeded, $"At most {paging.MaxPageSize} rows per page; page with cursors for more.");
        }
        return (size, backward);
    }

    private static Expression<Func<T, bool>> Negate<T>(Expression<Func<T, bool>> e) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(e.Body), e.Parameters);
}
