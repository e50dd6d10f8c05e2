namespace PerformanceAnalytics.Statistics;

/// <summary>Order statistics by expected-linear selection (Hoare's quickselect with median-of-three pivots).</summary>
internal static class Selection
{
    /// <summary>Returns the k-th smallest value (0-based); reorders <paramref name="values"/>.</summary>
    public static double NthSmallestInPlace(Span<double> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        var left = 0;
        var right = values.Length - 1;
        while (right > left)
        {
            if (right - left < 16)
            {
                values[left..(right + 1)].Sort();
                return values[k];
            }

            var mid = left + ((right - left) / 2);
            if (values[mid] < values[left])
            {
                (values[mid], values[left]) = (values[left], values[mid]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[right] < values[mid])
            {
                (values[right], values[mid]) = (values[mid], values[right]);
            }

            var pivot = values[mid];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    /// <summary>Type-7 quantile of a non-empty buffer; reorders it.</summary>
    public static double QuantileInPlace(Span<double> values, double p)
    {
        var h = (values.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var lower = NthSmallestInPlace(values, lo);
        if (lo + 1 >= values.Length || h == lo)
        {
            return lower;
        }

        // After selecting lo, every element right of lo is ≥ lower: the next order statistic is their minimum.
        var upper = double.PositiveInfinity;
        foreach (var v in values[(lo + 1)..])
        {
            upper = Math.Min(upper, v);
        }

        return lower + ((h - lo) * (upper - lower));
    }
}
