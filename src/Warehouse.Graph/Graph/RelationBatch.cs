using GraphQL.DataLoader;

namespace Warehouse.Graph;

/// <summary>
/// Collects the parent keys of one relation field (one node of the query) across all parent rows, then loads
/// them in one query when the executor first asks for a result: the cure for N+1. Keys that arrive after the
/// batch was sent open a new batch, so correctness never depends on the executor's scheduling.
/// </summary>
internal sealed class RelationBatch(Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, List<object>>>> load)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private Task<IReadOnlyDictionary<string, List<object>>>? _task;

    /// <summary>Registers a key; null when this batch has already been sent and a new one is needed.</summary>
    public IDataLoaderResult<List<object>>? TryLoad(string key)
    {
        lock (_gate)
        {
            if (_task is not null)
            {
                return null;
            }
            _keys.Add(key);
        }
        return new Result(this, key);
    }

    private Task<IReadOnlyDictionary<string, List<object>>> Dispatch(CancellationToken ct)
    {
        lock (_gate)
        {
            return _task ??= load(_keys, ct);
        }
    }

    private sealed class Result(RelationBatch batch, string key) : IDataLoaderResult<List<object>>
    {
        public async Task<List<object>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var all = await batch.Dispatch(cancellationToken);
            return all.TryGetValue(key, out var rows) ? rows : [];
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
