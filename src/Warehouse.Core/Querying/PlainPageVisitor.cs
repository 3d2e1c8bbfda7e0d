using System.Data.Common;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Querying;

/// <summary>
/// One plain page for exports: the query is built exactly as a connection page's (<see cref="ListQuery"/>: scope,
/// where, order with the key last, the keyset seek after <see cref="PlainPageRequest.After"/>, <see cref="Ordering"/>),
/// projected to the requested columns plus any sort value that is not one of them, and compiled by EF Core into its
/// command (<c>CreateDbCommand</c>), so no SQL is written here. The command is then read with a plain
/// <see cref="DbDataReader"/>, column by ordinal, into <see cref="PlainPage.Values"/>: no entity objects, no
/// per-row materialiser.
/// <para>
/// EF Core's command interceptors do not see a command it did not execute, so the two that matter for a read are
/// applied here: the SQLite interrupt on cancellation (<see cref="SqliteInterruptInterceptor"/>) and a read replica's
/// fault watch (<see cref="ReplicaFaultInterceptor"/>); the command's duration goes to the same histogram.
/// </para>
/// </summary>
internal sealed class PlainPageVisitor(QuerySources sources, PlainPageRequest request, PlainPage page, CancellationToken ct)
    : IEntityVisitor<Task<int>>
{
    public async Task<int> Visit<T>(EntityDef<T> entity) where T : class, new()
    {
        if (request.Properties.Count != page.Width || request.Size > page.Capacity || request.Size < 1)
        {
            throw new InvalidOperationException($"A page of {page.Width} columns and {page.Capacity} rows cannot hold this request.");
        }
        var db = sources.Db;
        var x = Expression.Parameter(typeof(T), "x");
        var (query, keys) = ListQuery.Start(sources, entity, x, request.Where, asOf: null, request.Order);
        if (request.After is { } after)
        {
            if (after.Values.Length != keys.Count)
            {
                throw new InvalidOperationException("The keyset position belongs to another order.");
            }
            query = query.Where(Expression.Lambda<Func<T, bool>>(Keyset.After(keys, after.Values), x));
        }
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var columns = new List<Expression>();
        var readers = new List<Func<DbDataReader, int, object?>>();
        foreach (var name in request.Properties)
        {
            var property = entity.ClrType.GetProperty(name) ?? throw new InvalidOperationException($"{entity.TypeName} has no property {name}.");
            columns.Add(Expression.Property(x, property));
            readers.Add(ColumnReaders.For(Mapping(type, name)));
        }
        // A sort value that is a requested column is read from it; any other (an order through a reference, a
        // minor's shadowed value) is one more column, read only for the last row's position.
        var keyColumns = new int[keys.Count];
        for (var k = 0; k < keys.Count; k++)
        {
            var key = keys[k];
            var index = key.Selector is MemberExpression { Member: PropertyInfo p } m && m.Expression == x ? IndexOf(request.Properties, p.Name) : -1;
            if (index < 0)
            {
                var field = key.Field ?? throw new InvalidOperationException($"Sort key {key.Path} has no field.");
                index = columns.Count;
                columns.Add(key.Selector);
                readers.Add(ColumnReaders.For(Mapping(db.Model.FindEntityType(field.Entity.ClrType)!, field.Property.Name)));
            }
            keyColumns[k] = index;
        }
        var projection = Expression.Lambda<Func<T, object?[]>>(
            Expression.NewArrayInit(typeof(object), columns.Select(c => Expression.Convert(c, typeof(object)))), x);
        var plain = Ordering.Apply(query, x, keys, db.Provider).Take(request.Size).Select(projection);

        await db.Database.OpenConnectionAsync(ct);
        await using var command = plain.CreateDbCommand();
        using var interrupt = SqliteInterruptInterceptor.InterruptOnCancel(command, ct);
        var width = page.Width;
        var values = page.Values;
        var extra = new object?[columns.Count];
        var count = 0;
        try
        {
            var started = Stopwatch.GetTimestamp();
            await using var reader = await command.ExecuteReaderAsync(ct);
            Observability.WarehouseTelemetry.DatabaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (reader.FieldCount != columns.Count)
            {
                // The projection names distinct expressions, so EF Core keeps one column each, in order.
                throw new InvalidOperationException($"Expected {columns.Count} columns from the plain page query, got {reader.FieldCount}.");
            }
            while (await reader.ReadAsync(ct))
            {
                var offset = count * width;
                for (var c = 0; c < width; c++)
                {
                    values[offset + c] = readers[c](reader, c);
                }
                for (var c = width; c < columns.Count; c++)
                {
                    extra[c] = readers[c](reader, c);
                }
                count++;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
            foreach (var watch in interceptors.OfType<ReplicaFaultInterceptor>())
            {
                watch.Failed(command, e);
            }
            throw;
        }
        page.Count = count;
        page.Next = count < request.Size
            ? null
            : new KeysetPosition([.. keyColumns.Select(i => i < width ? values[((count - 1) * width) + i] : extra[i])]);
        return count;
    }

    private static RelationalTypeMapping Mapping(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, string property) =>
        (type.FindProperty(property) ?? throw new InvalidOperationException($"{type.DisplayName()} has no mapped property {property}."))
        .GetRelationalTypeMapping();

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}
