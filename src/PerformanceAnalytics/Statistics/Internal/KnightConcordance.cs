using System.Numerics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Knight's O(n log n) concordance kernel (Knight 1966, "A computer method for calculating Kendall's tau with
/// ungrouped data", JASA 61(314), 436–439): after ordering the pairs by (x, y), the number of discordant pairs is
/// the number of exchanges a stable merge sort of the y sequence performs; tied pairs are counted from runs.
/// </summary>
/// <remarks>Shared by Kendall's tau-b and the Mann–Kendall trend test so both count pairs the same way.</remarks>
internal static class KnightConcordance
{
    private const int InsertionRun = 32;

    /// <summary>
    /// Counts the pairs of a bivariate sample: discordant pairs and the ties in x, in y and in both,
    /// together with the tie sums of the variance of S (Kendall 1970, ch. 4).
    /// </summary>
    public static ConcordanceCounts Count(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Lexicographic (x, y) order from two stable radix passes: first by y, then by x.
        RadixOrder.SortStable(y, order);
        RadixOrder.SortStable(x, order);

        var ySequence = new double[n];
        long tiesXY = 0;
        var run = 1L;
        for (var i = 0; i < n; i++)
        {
            ySequence[i] = y[order[i]];
            if (i > 0)
            {
                if (x[order[i]] == x[order[i - 1]] && y[order[i]] == y[order[i - 1]])
                {
                    run++;
                }
                else
                {
                    tiesXY += run * (run - 1) / 2;
                    run = 1;
                }
            }
        }

        tiesXY += run * (run - 1) / 2;

        var xSorted = new double[n];
        for (var i = 0; i < n; i++)
        {
            xSorted[i] = x[order[i]];
        }

        var tx = Ties(xSorted);
        var discordant = SortCountingInversions(ySequence, new double[n]);
        var ty = Ties(ySequence);
        return new ConcordanceCounts(n, tx, ty, tiesXY, discordant);
    }

    /// <summary>
    /// Insertion-sorts each run of <paramref name="run"/> consecutive elements in place and returns the inversions
    /// removed (each shift is one inversion): the first pass of a bottom-up merge sort that counts inversions.
    /// </summary>
    public static long InsertionSortRuns<T>(Span<T> values, int run)
        where T : struct, IComparisonOperators<T, T, bool>
    {
        var n = values.Length;
        long inversions = 0;
        for (var start = 0; start < n; start += run)
        {
            var end = Math.Min(start + run, n);
            for (var i = start + 1; i < end; i++)
            {
                var v = values[i];
                var j = i - 1;
                while (j >= start && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                inversions += i - 1 - j;
                values[j + 1] = v;
            }
        }

        return inversions;
    }

    /// <summary>
    /// Sorts <paramref name="values"/> ascending with a stable bottom-up merge sort and returns the number of
    /// pairs i &lt; j with values[i] &gt; values[j] (strict inversions; equal values are not counted).
    /// </summary>
    /// <param name="values">The sequence; sorted on return.</param>
    /// <param name="scratch">A buffer at least as long as <paramref name="values"/>.</param>
    public static long SortCountingInversions(Span<double> values, Span<double> scratch)
    {
        var n = values.Length;
        var inversions = InsertionSortRuns(values, InsertionRun);

        var source = values;
        var target = scratch[..n];
        var inScratch = false;
        for (var width = InsertionRun; width < n; width *= 2)
        {
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, n);
                var hi = Math.Min(lo + (2 * width), n);
                if (mid >= hi || source[mid - 1] <= source[mid])
                {
                    source[lo..hi].CopyTo(target[lo..hi]);
                    continue;
                }

                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    if (source[j] < source[i])
                    {
                        inversions += mid - i;
                        target[k++] = source[j++];
                    }
                    else
                    {
                        target[k++] = source[i++];
                    }
                }

                source[i..mid].CopyTo(target[k..]);
                k += mid - i;
                source[j..hi].CopyTo(target[k..]);
            }

            var swap = source;
            source = target;
            target = swap;
            inScratch = !inScratch;
        }

        if (inScratch)
        {
            source.CopyTo(values);
        }

        return inversions;
    }

    /// <summary>Tie statistics of an ascending sequence: Σ t(t−1)/2, Σ t(t−1)(t−2) and Σ t(t−1)(2t+5) over runs of length t.</summary>
    public static TieSums Ties(ReadOnlySpan<double> sorted)
    {
        long pairs = 0;
        double v0 = 0, v1 = 0;
        var i = 0;
        while (i < sorted.Length)
        {
            var j = i + 1;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            long t = j - i;
            if (t > 1)
            {
                pairs += t * (t - 1) / 2;
                v0 += (double)t * (t - 1) * (t - 2);
                v1 += (double)t * (t - 1) * ((2 * t) + 5);
            }

            i = j;
        }

        return new TieSums(pairs, v0, v1);
    }
}

/// <summary>Tie sums of one variable: tied pairs, Σ t(t−1)(t−2) and Σ t(t−1)(2t+5).</summary>
internal readonly record struct TieSums(long Pairs, double V0, double V1);

/// <summary>Pair counts of a bivariate sample of size <paramref name="N"/>.</summary>
internal readonly record struct ConcordanceCounts(long N, TieSums TiesX, TieSums TiesY, long TiesXY, long Discordant)
{
    /// <summary>Gets n(n−1)/2.</summary>
    public long Pairs => N * (N - 1) / 2;

    /// <summary>Gets concordant minus discordant pairs, the statistic S.</summary>
    public long S => Pairs - TiesX.Pairs - TiesY.Pairs + TiesXY - (2 * Discordant);
}
