using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// One content item's snapshots as sorted columns: timestamps, ids and one lazily allocated column per metric.
/// Not thread-safe; <see cref="InMemoryEngagementStore"/> guards it.
/// </summary>
internal sealed class InMemorySeries(string contentId, Platform platform)
{
    private const int InitialCapacity = 16;
    private long[] _ticks = new long[InitialCapacity];
    private string[] _ids = new string[InitialCapacity];
    private readonly double[]?[] _columns = new double[]?[Metric.Count];
    private IReadOnlyDictionary<string, string>?[]? _metadata;

    public string ContentId { get; } = contentId;

    public Platform Platform { get; } = platform;

    public int Count { get; private set; }

    public ReadOnlySpan<long> Ticks => _ticks.AsSpan(0, Count);

    public long LastTicks => _ticks[Count - 1];

    public void Add(EngagementSnapshot snapshot)
    {
        var ticks = snapshot.Timestamp.UtcTicks;
        var index = Count;
        if (Count > 0 && (ticks < _ticks[Count - 1] || (ticks == _ticks[Count - 1] && string.CompareOrdinal(snapshot.SnapshotId, _ids[Count - 1]) < 0)))
        {
            index = InsertionPoint(ticks, snapshot.SnapshotId);
        }

        EnsureCapacity(Count + 1);
        if (index < Count)
        {
            Shift(index);
        }

        _ticks[index] = ticks;
        _ids[index] = snapshot.SnapshotId;
        var dense = snapshot.Metrics.Dense;
        for (var m = 0; m < dense.Length; m++)
        {
            var column = _columns[m];
            if (column is null)
            {
                if (double.IsNaN(dense[m]))
                {
                    continue;
                }

                column = AllocateColumn();
                _columns[m] = column;
            }

            column[index] = dense[m];
        }

        if (snapshot.Metadata.Count > 0 || _metadata is not null)
        {
            _metadata ??= new IReadOnlyDictionary<string, string>?[_ticks.Length];
            _metadata[index] = snapshot.Metadata.Count > 0 ? snapshot.Metadata : null;
        }

        Count++;
    }

    /// <summary>Index of the first row with a timestamp ≥ <paramref name="ticks"/>.</summary>
    public int LowerBound(long ticks)
    {
        var lo = 0;
        var hi = Count;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_ticks[mid] < ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public double Value(Metric metric, int row) => _columns[metric.Id] is { } column ? column[row] : double.NaN;

    public bool HasColumn(Metric metric) => _columns[metric.Id] is not null;

    /// <summary>The last row in [from, to) with a value for the metric, or −1.</summary>
    public int LastWithValue(Metric metric, int from, int to)
    {
        if (_columns[metric.Id] is not { } column)
        {
            return -1;
        }

        for (var row = to - 1; row >= from; row--)
        {
            if (!double.IsNaN(column[row]))
            {
                return row;
            }
        }

        return -1;
    }

    /// <summary>The first row in [from, to) with a value for the metric, or −1.</summary>
    public int FirstWithValue(Metric metric, int from, int to)
    {
        if (_columns[metric.Id] is not { } column)
        {
            return -1;
        }

        for (var row = from; row < to; row++)
        {
            if (!double.IsNaN(column[row]))
            {
                return row;
            }
        }

        return -1;
    }

    public EngagementSnapshot ToSnapshot(int row, string tenantId, IReadOnlyCollection<Metric>? metrics)
    {
        Span<double> dense = stackalloc double[Metric.Count];
        for (var m = 0; m < dense.Length; m++)
        {
            dense[m] = _columns[m] is { } column ? column[row] : double.NaN;
        }

        if (metrics is not null)
        {
            for (var m = 0; m < dense.Length; m++)
            {
                if (!metrics.Contains(Metric.FromId(m)))
                {
                    dense[m] = double.NaN;
                }
            }
        }

        return new EngagementSnapshot(_ids[row], ContentId, Platform, new DateTimeOffset(_ticks[row], TimeSpan.Zero), MetricValues.FromDense(dense))
        {
            TenantId = tenantId,
            Metadata = _metadata?[row] ?? EngagementSnapshot.EmptyMetadata,
        };
    }

    /// <summary>Removes rows older than the cutoff and returns their ids.</summary>
    public string[] RemoveBefore(long cutoffTicks)
    {
        var removed = LowerBound(cutoffTicks);
        if (removed == 0)
        {
            return [];
        }

        var ids = _ids.AsSpan(0, removed).ToArray();
        var remaining = Count - removed;
        Array.Copy(_ticks, removed, _ticks, 0, remaining);
        Array.Copy(_ids, removed, _ids, 0, remaining);
        Array.Clear(_ids, remaining, removed);
        foreach (var column in _columns)
        {
            if (column is not null)
            {
                Array.Copy(column, removed, column, 0, remaining);
                column.AsSpan(remaining, removed).Fill(double.NaN);
            }
        }

        if (_metadata is not null)
        {
            Array.Copy(_metadata, removed, _metadata, 0, remaining);
            Array.Clear(_metadata, remaining, removed);
        }

        Count = remaining;
        return ids;
    }

    private int InsertionPoint(long ticks, string id)
    {
        var index = LowerBound(ticks);
        while (index < Count && _ticks[index] == ticks && string.CompareOrdinal(_ids[index], id) < 0)
        {
            index++;
        }

        return index;
    }

    private void Shift(int index)
    {
        var length = Count - index;
        Array.Copy(_ticks, index, _ticks, index + 1, length);
        Array.Copy(_ids, index, _ids, index + 1, length);
        foreach (var column in _columns)
        {
            if (column is not null)
            {
                Array.Copy(column, index, column, index + 1, length);
                column[index] = double.NaN;
            }
        }

        if (_metadata is not null)
        {
            Array.Copy(_metadata, index, _metadata, index + 1, length);
            _metadata[index] = null;
        }
    }

    private double[] AllocateColumn()
    {
        var column = new double[_ticks.Length];
        column.AsSpan().Fill(double.NaN);
        return column;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _ticks.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _ticks.Length * 2);
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _ids, capacity);
        for (var m = 0; m < _columns.Length; m++)
        {
            if (_columns[m] is { } column)
            {
                var old = column.Length;
                Array.Resize(ref column, capacity);
                column.AsSpan(old).Fill(double.NaN);
                _columns[m] = column;
            }
        }

        if (_metadata is not null)
        {
            Array.Resize(ref _metadata, capacity);
        }
    }
}
