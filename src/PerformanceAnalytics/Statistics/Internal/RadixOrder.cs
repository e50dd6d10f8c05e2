using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Stable radix sort of indices by double keys. Doubles map to order-preserving unsigned keys; bits above the
/// highest bit in which the smallest and largest key differ are common to all keys, so only the 33-bit window
/// below it is sorted, least-significant 11-bit digit first (three O(n) passes). Keys that agree on the window
/// (values equal to about 2⁻²¹ relative precision) form short runs that are then ordered by their full keys with
/// a stable insertion or merge sort.
/// </summary>
internal static class RadixOrder
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int WindowBits = 33;
    private const int Passes = 3;
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
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var keys2 = ArrayPool<ulong>.Shared.Rent(n);
        var items2 = ArrayPool<int>.Shared.Rent(n);
        var items3 = ArrayPool<int>.Shared.Rent(n);
        var counts = ArrayPool<int>.Shared.Rent(Buckets * Passes);
        try
        {
            var min = ulong.MaxValue;
            var max = ulong.MinValue;
            for (var i = 0; i < n; i++)
            {
                var key = Key(values[order[i]]);
                keys[i] = key;
                min = Math.Min(min, key);
                max = Math.Max(max, key);
            }

            order.CopyTo(items2);
            if (n <= SmallSort)
            {
                SortRun(keys.AsSpan(0, n), items2.AsSpan(0, n), keys2, items3);
                items2.AsSpan(0, n).CopyTo(order);
                return;
            }

            if (min == max)
            {
                return;
            }

            var high = 63 - System.Numerics.BitOperations.LeadingZeroCount(min ^ max);
            var windowLow = Math.Max(0, high - WindowBits + 1);
            var passes = ((high - windowLow) / DigitBits) + 1;
            Array.Clear(counts, 0, Buckets * Passes);
            ref var countsRef = ref MemoryMarshal.GetArrayDataReference(counts);
            ref var keysRef = ref MemoryMarshal.GetArrayDataReference(keys);
            for (var i = 0; i < n; i++)
            {
                var key = Unsafe.Add(ref keysRef, i) >> windowLow;
                for (var p = 0; p < passes; p++)
                {
                    Unsafe.Add(ref countsRef, (p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1)))++;
                }
            }

            ulong[] srcKeys = keys, dstKeys = keys2;
            int[] srcItems = items2, dstItems = items3;
            for (var p = 0; p < passes; p++)
            {
                var shift = windowLow + (p * DigitBits);
                ref var histogram = ref Unsafe.Add(ref countsRef, p * Buckets);
                if (Unsafe.Add(ref histogram, (int)((srcKeys[0] >> shift) & (Buckets - 1))) == n)
                {
                    continue; // every key has the same digit: the pass would not move anything.
                }

                var sum = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    ref var c = ref Unsafe.Add(ref histogram, b);
                    var count = c;
                    c = sum;
                    sum += count;
                }

                ref var sk = ref MemoryMarshal.GetArrayDataReference(srcKeys);
                ref var dk = ref MemoryMarshal.GetArrayDataReference(dstKeys);
                ref var si = ref MemoryMarshal.GetArrayDataReference(srcItems);
                ref var di = ref MemoryMarshal.GetArrayDataReference(dstItems);
                for (var i = 0; i < n; i++)
                {
                    var key = Unsafe.Add(ref sk, i);
                    var slot = Unsafe.Add(ref histogram, (int)((key >> shift) & (Buckets - 1)))++;
                    Unsafe.Add(ref dk, slot) = key;
                    Unsafe.Add(ref di, slot) = Unsafe.Add(ref si, i);
                }

                (srcKeys, dstKeys) = (dstKeys, srcKeys);
                (srcItems, dstItems) = (dstItems, srcItems);
            }

            if (windowLow > 0)
            {
                // Runs that agree on the window keep input order; order them by the full key, stably.
                var start = 0;
                while (start < n)
                {
                    var window = srcKeys[start] >> windowLow;
                    var end = start + 1;
                    while (end < n && (srcKeys[end] >> windowLow) == window)
                    {
                        end++;
                    }

                    if (end - start > 1)
                    {
                        SortRun(srcKeys.AsSpan(start, end - start), srcItems.AsSpan(start, end - start), dstKeys, dstItems);
                    }

                    start = end;
                }
            }

            srcItems.AsSpan(0, n).CopyTo(order);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(keys2);
            ArrayPool<int>.Shared.Return(items2);
            ArrayPool<int>.Shared.Return(items3);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Stable sort of a segment by key: insertion sort when short, else bottom-up merge sort through the scratch arrays.</summary>
    private static void SortRun(Span<ulong> keys, Span<int> items, ulong[] scratchKeys, int[] scratchItems)
    {
        var n = keys.Length;
        const int Run = 16;
        for (var start = 0; start < n; start += Run)
        {
            var end = Math.Min(start + Run, n);
            for (var i = start + 1; i < end; i++)
            {
                var key = keys[i];
                var item = items[i];
                var j = i - 1;
                while (j >= start && keys[j] > key)
                {
                    keys[j + 1] = keys[j];
                    items[j + 1] = items[j];
                    j--;
                }

                keys[j + 1] = key;
                items[j + 1] = item;
            }
        }

        for (var width = Run; width < n; width *= 2)
        {
            var tk = scratchKeys.AsSpan(0, n);
            var ti = scratchItems.AsSpan(0, n);
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, n);
                var hi = Math.Min(lo + (2 * width), n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    if (keys[j] < keys[i])
                    {
                        tk[k] = keys[j];
                        ti[k++] = items[j++];
                    }
                    else
                    {
                        tk[k] = keys[i];
                        ti[k++] = items[i++];
                    }
                }

                while (i < mid)
                {
                    tk[k] = keys[i];
                    ti[k++] = items[i++];
                }

                while (j < hi)
                {
                    tk[k] = keys[j];
                    ti[k++] = items[j++];
                }
            }

            tk.CopyTo(keys);
            ti.CopyTo(items);
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
