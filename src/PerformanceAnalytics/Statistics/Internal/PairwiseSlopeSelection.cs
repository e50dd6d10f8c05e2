using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Order statistics of the n(n − 1)/2 pairwise slopes (y_j − y_i)/(j − i), i &lt; j, of a series observed at
/// t = 0, 1, …, n − 1, without listing all of them when n is large.
/// </summary>
/// <remarks>
/// <para>
/// Small series (n ≤ 1500) list every slope and select exactly. Larger ones use randomized interval shrinking
/// in the spirit of Matoušek (1991, "Randomized optimal algorithm for slope selection", IPL 39) and Dillencourt,
/// Mount &amp; Netanyahu (1992): in the dual, slope s orders the points by z_k = y_k − s·k, and the pair (i, j)
/// has a slope ≤ s exactly when z_j ≤ z_i, so the number of slopes ≤ s is an inversion count, O(n log n) by merge
/// sort. The pairs whose slopes lie in a strip (lo, hi] are the inversions between the orders at lo and at hi;
/// the merge sort lists them, or samples them uniformly with geometric skips. Each round samples 2¹⁷ slopes of
/// the current strip, keeps the sample order statistics (quickselect) four standard errors either side of the wanted rank, and
/// verifies them by counting; once at most 2²¹ slopes remain they are listed and the rank selected exactly.
/// Expected cost O(n log n) per round and O(1) rounds; the random generator is seeded, so results are reproducible.
/// </para>
/// <para>
/// Floating point: z is computed with one rounding (fused multiply–add), and the strip bounds are pushed 2δ
/// beyond sampled slopes, δ = 2⁻⁴⁸(max|y| + |s| n), wider than any misclassification the rounding can cause, so
/// the selected slope is the exact order statistic of the computed quotients. Only slopes that differ by less than
/// δ and number more than 2²¹ (massive ties) are not separated; their common value is then returned.
/// </para>
/// </remarks>
internal sealed class PairwiseSlopeSelection
{
    private const int ExactLimit = 1500;
    private const int SampleTarget = 1 << 17;
    private const long StoreLimit = 1 << 21;
    private const int MaxRounds = 12;

    private readonly double[] _y;
    private readonly int _n;
    private readonly long _pairs;
    private readonly double _maxAbs;
    private readonly Random _random = new(20_240_917);
    private readonly int[] _scratch;
    private readonly int[] _sequence;
    private readonly int[] _rank;
    private int[] _pointAtRank = [];
    private double[] _output = [];
    private int _outputCount;
    private long _position;
    private long _nextSample;
    private double _logKeep;

    private PairwiseSlopeSelection(ReadOnlySpan<double> y)
    {
        _y = y.ToArray();
        _n = y.Length;
        _pairs = (long)_n * (_n - 1) / 2;
        foreach (var v in y)
        {
            _maxAbs = Math.Max(_maxAbs, Math.Abs(v));
        }

        _scratch = new int[_n];
        _sequence = new int[_n];
        _rank = new int[_n];
    }

    /// <summary>Writes the order statistics of the given 0-based ranks (each in [0, n(n − 1)/2)) to <paramref name="results"/>.</summary>
    public static void Select(ReadOnlySpan<double> y, ReadOnlySpan<long> ranks, Span<double> results)
    {
        var n = y.Length;
        if (n <= ExactLimit)
        {
            var slopes = new double[(long)n * (n - 1) / 2];
            var k = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    slopes[k++] = (y[j] - y[i]) / (j - i);
                }
            }

            for (var r = 0; r < ranks.Length; r++)
            {
                results[r] = Selection.NthSmallestInPlace(slopes, (int)ranks[r]);
            }

            return;
        }

        // Ranks one apart (the two middle slopes of an even count) are selected together; all groups share the
        // first-round sample, drawn uniformly from all pairs.
        var selector = new PairwiseSlopeSelection(y);
        var shared = selector.UniformSample();
        for (var r = 0; r < ranks.Length; r++)
        {
            var pairWithNext = r + 1 < ranks.Length && ranks[r + 1] == ranks[r] + 1;
            var (first, second) = selector.SelectGroup(ranks[r], pairWithNext ? ranks[r + 1] : ranks[r], shared);
            results[r] = first;
            if (pairWithNext)
            {
                results[++r] = second;
            }
        }
    }

    /// <summary>Selects one rank with the large-n algorithm, for tests of it against listing every slope.</summary>
    internal static double SelectLarge(ReadOnlySpan<double> y, long rank)
    {
        var selector = new PairwiseSlopeSelection(y);
        return selector.SelectGroup(rank, rank, selector.UniformSample()).First;
    }

    /// <summary>Finds the order statistics of ranks <paramref name="low"/> ≤ <paramref name="high"/> (at most one apart).</summary>
    private (double First, double Second) SelectGroup(long low, long high, double[] firstSample)
    {
        var lo = double.NegativeInfinity;
        var hi = double.PositiveInfinity;
        var loOrder = OrderAt(lo);
        var hiOrder = OrderAt(hi);
        long below = 0;
        var atMostHi = _pairs;
        double[]? sample = firstSample;
        for (var round = 0; ; round++)
        {
            var inside = atMostHi - below;
            if (inside <= StoreLimit || round >= MaxRounds)
            {
                var listed = Enumerate(loOrder, hiOrder, inside, sample: false);
                var last = listed.Length - 1;
                var first = Selection.NthSmallestInPlace(listed, (int)Math.Clamp(low - below, 0, last));
                var second = high == low ? first : Selection.NthSmallestInPlace(listed, (int)Math.Clamp(high - below, 0, last));
                return (first, second);
            }

            if (sample is null)
            {
                sample = Enumerate(loOrder, hiOrder, inside, sample: true);
            }

            var m = sample.Length;
            var fLow = (low - below + 0.5) / inside;
            var fHigh = (high - below + 0.5) / inside;
            var a = (long)Math.Floor((fLow * m) - (4.0 * Math.Sqrt(m * fLow * (1 - fLow))) - 2.0);
            var b = (long)Math.Ceiling((fHigh * m) + (4.0 * Math.Sqrt(m * fHigh * (1 - fHigh))) + 2.0);
            var sampleLo = a >= 0 ? Selection.NthSmallestInPlace(sample, (int)a) : double.NaN;
            var sampleHi = b < m ? Selection.NthSmallestInPlace(sample, (int)b) : double.NaN;
            var candidateLo = a >= 0 ? sampleLo - (2 * Delta(sampleLo)) : lo;
            var candidateHi = b < m ? sampleHi + (2 * Delta(sampleHi)) : hi;
            var tied = a >= 0 && b < m && sampleLo == sampleHi;
            var tiedValue = sampleLo;
            sample = null;

            if (candidateLo > lo && candidateLo < hi)
            {
                var order = OrderAt(candidateLo);
                var count = CountAtMost(order);
                if (count <= low)
                {
                    (lo, loOrder, below) = (candidateLo, order, count);
                }
                else if (count > high)
                {
                    (hi, hiOrder, atMostHi) = (candidateLo, order, count);
                    continue;
                }
            }

            if (candidateHi < hi && candidateHi > lo)
            {
                var order = OrderAt(candidateHi);
                var count = CountAtMost(order);
                if (count > high)
                {
                    (hi, hiOrder, atMostHi) = (candidateHi, order, count);
                }
                else if (count <= low)
                {
                    (lo, loOrder, below) = (candidateHi, order, count);
                }
            }

            if (tied && lo == candidateLo && hi == candidateHi && atMostHi - below > StoreLimit)
            {
                // Massive ties: the ranks lie among more than 2²¹ slopes, all within rounding of one value.
                return (tiedValue, tiedValue);
            }
        }
    }

    /// <summary>About 2¹⁷ slopes of pairs drawn uniformly (with replacement) from all pairs.</summary>
    private double[] UniformSample()
    {
        var m = (int)Math.Min(SampleTarget, _pairs);
        var sample = new double[m];
        for (var k = 0; k < m; k++)
        {
            var i = _random.Next(_n);
            var j = _random.Next(_n - 1);
            j += j >= i ? 1 : 0;
            var (p, q) = i < j ? (i, j) : (j, i);
            sample[k] = (_y[q] - _y[p]) / (q - p);
        }

        return sample;
    }

    private double Delta(double s) => Math.ScaleB(_maxAbs + (Math.Abs(s) * _n), -48);

    /// <summary>
    /// The points ordered by z = y − s·t ascending, ties by index descending, so that for i &lt; j the point i comes
    /// first exactly when the slope of (i, j) exceeds s.
    /// </summary>
    private int[] OrderAt(double s)
    {
        var order = new int[_n];
        if (double.IsNegativeInfinity(s))
        {
            for (var k = 0; k < _n; k++)
            {
                order[k] = k;
            }

            return order;
        }

        if (double.IsPositiveInfinity(s))
        {
            for (var k = 0; k < _n; k++)
            {
                order[k] = _n - 1 - k;
            }

            return order;
        }

        // Stable radix sort by z of the points listed in descending index order: ties keep that order.
        var keys = new double[_n];
        for (var k = 0; k < _n; k++)
        {
            order[k] = _n - 1 - k;
            keys[k] = Math.FusedMultiplyAdd(-s, k, _y[k]);
        }

        RadixOrder.SortStable(keys, order);
        return order;
    }

    /// <summary>The number of slopes ≤ s: pairs i &lt; j with j before i in the order at s, i.e. inversions of the index sequence.</summary>
    private long CountAtMost(int[] order)
    {
        order.CopyTo(_sequence, 0);
        return MergeCount(_sequence, emit: false, sample: false);
    }

    /// <summary>Lists (or samples about 2¹⁷ of) the slopes in the strip between two orders.</summary>
    private double[] Enumerate(int[] loOrder, int[] hiOrder, long inside, bool sample)
    {
        _pointAtRank = hiOrder;
        for (var p = 0; p < _n; p++)
        {
            _rank[hiOrder[p]] = p;
        }

        for (var p = 0; p < _n; p++)
        {
            _sequence[p] = _rank[loOrder[p]];
        }

        var keep = sample ? Math.Min(1.0, (double)SampleTarget / inside) : 1.0;
        var expected = (int)Math.Min(int.MaxValue - 64, (keep * inside) + (8 * Math.Sqrt(keep * inside)) + 64);
        _output = new double[expected];
        _outputCount = 0;
        _position = 0;
        _logKeep = keep < 1 ? Math.Log(1 - keep) : double.NegativeInfinity;
        _nextSample = Skip(0);
        MergeCount(_sequence, emit: true, sample: keep < 1);
        return _output.AsSpan(0, _outputCount).ToArray();
    }

    /// <summary>The index of the next sampled inversion at or after <paramref name="from"/> (geometric gap).</summary>
    private long Skip(long from)
    {
        if (double.IsNegativeInfinity(_logKeep))
        {
            return from;
        }

        var u = 1.0 - _random.NextDouble();
        return from + (long)Math.Floor(Math.Log(u) / _logKeep);
    }

    /// <summary>
    /// Bottom-up merge sort of a permutation of 0..n−1 counting inversions; optionally emits the inverted pairs'
    /// slopes. <paramref name="values"/> is used as scratch and left in an unspecified order.
    /// </summary>
    private long MergeCount(int[] values, bool emit, bool sample)
    {
        var n = values.Length;
        long inversions = 0;
        var width = 1;
        if (!emit)
        {
            // Counting only: insertion-sort short runs first (each shift is one inversion).
            const int Run = 16;
            inversions += KnightConcordance.InsertionSortRuns<int>(values, Run);

            width = Run;
        }

        var source = values;
        var target = _scratch;
        for (; width < n; width *= 2)
        {
            ref var src = ref MemoryMarshal.GetArrayDataReference(source);
            ref var dst = ref MemoryMarshal.GetArrayDataReference(target);
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, n);
                var hi = Math.Min(lo + (2 * width), n);
                if (mid >= hi || Unsafe.Add(ref src, mid - 1) <= Unsafe.Add(ref src, mid))
                {
                    source.AsSpan(lo, hi - lo).CopyTo(target.AsSpan(lo));
                    continue;
                }

                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    var left = Unsafe.Add(ref src, i);
                    var right = Unsafe.Add(ref src, j);
                    if (right < left)
                    {
                        long run = mid - i;
                        inversions += run;
                        if (emit)
                        {
                            if (sample && _nextSample >= _position + run)
                            {
                                _position += run;
                            }
                            else
                            {
                                Emit(source, i, run, right, sample);
                            }
                        }

                        Unsafe.Add(ref dst, k++) = right;
                        j++;
                    }
                    else
                    {
                        Unsafe.Add(ref dst, k++) = left;
                        i++;
                    }
                }

                source.AsSpan(i, mid - i).CopyTo(target.AsSpan(k));
                k += mid - i;
                source.AsSpan(j, hi - j).CopyTo(target.AsSpan(k));
            }

            (source, target) = (target, source);
        }

        return inversions;
    }

    /// <summary>Emits the pairs (left[start + t], right) for t in [0, run), all of which are strip pairs.</summary>
    private void Emit(int[] left, int start, long run, int right, bool sample)
    {
        if (!sample)
        {
            for (var t = 0; t < run; t++)
            {
                Add(left[start + t], right);
            }

            _position += run;
            return;
        }

        var end = _position + run;
        while (_nextSample < end)
        {
            Add(left[start + (int)(_nextSample - _position)], right);
            _nextSample = Skip(_nextSample + 1);
        }

        _position = end;
    }

    private void Add(int leftRank, int rightRank)
    {
        // Ranks are positions in the hi order; the point with hi-rank q is the one whose _rank is q.
        var a = _pointAtRank[leftRank];
        var b = _pointAtRank[rightRank];
        var i = Math.Min(a, b);
        var j = Math.Max(a, b);
        if (_outputCount == _output.Length)
        {
            Array.Resize(ref _output, _output.Length * 2);
        }

        _output[_outputCount++] = (_y[j] - _y[i]) / (j - i);
    }
}
