using System.Buffers;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Stable least-significant-digit radix sort of indices by double keys (11-bit digits over the IEEE-754 bit
/// pattern mapped to an order-preserving unsigned integer), O(n) per pass with at most six passes.
/// </summary>
internal static class RadixOrder
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 6;
    private const int SmallSort = 64;

    /// <summary>Maps a finite double to an unsigned key with the same order; −0 and +0 map to the same key.</summary>
    public static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>Reorders <paramref name="order"/> stably so that values[order[i]] ascends.</summary>
    public static void SortStable(ReadOnlySpan<double> values, Span<int> order)
    {
        var n = order.Length;
        if (n <= SmallSort)
        {
            for (var i = 1; i < n; i++)
            {
                var item = order[i];
                var key = Key(values[item]);
                var j = i - 1;
                while (j >= 0 && Key(values[order[j]]) > key)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = item;
            }

            return;
        }

        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var keys2 = ArrayPool<ulong>.Shared.Rent(n);
        var items2 = ArrayPool<int>.Shared.Rent(n);
        var counts = ArrayPool<int>.Shared.Rent(Buckets * Passes);
        try
        {
            Array.Clear(counts, 0, Buckets * Passes);
            for (var i = 0; i < n; i++)
            {
                var key = Key(values[order[i]]);
                keys[i] = key;
                for (var p = 0; p < Passes; p++)
                {
                    counts[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
                }
            }

            Span<ulong> srcKeys = keys.AsSpan(0, n), dstKeys = keys2.AsSpan(0, n);
            Span<int> srcItems = order, dstItems = items2.AsSpan(0, n);
            var inOrder = true;
            for (var p = 0; p < Passes; p++)
            {
                var histogram = counts.AsSpan(p * Buckets, Buckets);
                var shift = p * DigitBits;
                if (histogram[(int)((srcKeys[0] >> shift) & (Buckets - 1))] == n)
                {
                    continue; // every key has the same digit: the pass would not move anything.
                }

                var sum = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var c = histogram[b];
                    histogram[b] = sum;
                    sum += c;
                }

                for (var i = 0; i < n; i++)
                {
                    var key = srcKeys[i];
                    var slot = histogram[(int)((key >> shift) & (Buckets - 1))]++;
                    dstKeys[slot] = key;
                    dstItems[slot] = srcItems[i];
                }

                var tk = srcKeys;
                srcKeys = dstKeys;
                dstKeys = tk;
                var ti = srcItems;
                srcItems = dstItems;
                dstItems = ti;
                inOrder = !inOrder;
            }

            if (!inOrder)
            {
                srcItems.CopyTo(order);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(keys2);
            ArrayPool<int>.Shared.Return(items2);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Writes the 1-based average ranks of <paramref name="values"/> (ties share their mean rank).</summary>
    /// <returns>The tie sum Σ (t³ − t) over groups of t tied values.</returns>
    public static double AverageRanks(ReadOnlySpan<double> values, Span<double> ranks)
    {
        var tieSum = 0.0;
        var n = values.Length;
        var order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var o = order.AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                o[i] = i;
            }

            SortStable(values, o);
            var start = 0;
            while (start < n)
            {
                var end = start + 1;
                var v = values[o[start]];
                while (end < n && values[o[end]] == v)
                {
                    end++;
                }

                var rank = (start + end + 1) / 2.0;
                double t = end - start;
                tieSum += (t * t * t) - t;
                for (var k = start; k < end; k++)
                {
                    ranks[o[k]] = rank;
                }

                start = end;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
        }

        return tieSum;
    }
}
