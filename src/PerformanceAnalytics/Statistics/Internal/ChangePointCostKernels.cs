namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>A segment cost over [start, end) that the JIT can inline when used as a generic struct argument.</summary>
internal interface IChangePointCostKernel
{
    /// <summary>Returns the cost of the segment [start, end); requires end &gt; start.</summary>
    double Cost(int start, int end);
}

/// <summary>Σ(y − ȳ)² / scale from prefix sums.</summary>
internal readonly struct SumOfSquaresKernel(double[] sum, double[] sumSquares, double scale) : IChangePointCostKernel
{
    public double Cost(int start, int end)
    {
        var m = end - start;
        var s1 = sum[end] - sum[start];
        var sse = sumSquares[end] - sumSquares[start] - (s1 * s1 / m);

        // Rounding can leave a tiny negative sum of squares for a (near-)constant segment.
        return sse > 0 ? sse / scale : 0.0;
    }
}

/// <summary>m · ln(SSE/m + ε) from prefix sums.</summary>
internal readonly struct LogVarianceKernel(double[] sum, double[] sumSquares, double floor) : IChangePointCostKernel
{
    public double Cost(int start, int end)
    {
        var m = end - start;
        var s1 = sum[end] - sum[start];
        var sse = sumSquares[end] - sumSquares[start] - (s1 * s1 / m);
        return m * Math.Log((sse > 0 ? sse / m : 0.0) + floor);
    }
}

/// <summary>Adds ln(m) to the cost of each segment of length m (the MBIC segment term), from a table of ln m.</summary>
internal readonly struct LogLengthKernel<TInner>(TInner inner, double[] logLength) : IChangePointCostKernel
    where TInner : struct, IChangePointCostKernel
{
    public double Cost(int start, int end) => inner.Cost(start, end) + logLength[end - start];
}

/// <summary>An algorithm that runs over a struct cost kernel.</summary>
internal interface IChangePointCostVisitor<out TResult>
{
    /// <summary>Runs with <paramref name="kernel"/>.</summary>
    TResult Visit<TKernel>(TKernel kernel)
        where TKernel : struct, IChangePointCostKernel;
}
