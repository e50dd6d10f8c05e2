namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Buffers reused by every LOESS pass of one STL fit, so smoothing allocates nothing per point or pass.</summary>
internal sealed class LoessWorkspace
{
    /// <summary>Creates buffers for series of up to <paramref name="capacity"/> points.</summary>
    public LoessWorkspace(int capacity)
    {
        Scratch = new double[capacity];
        WeightedY = new double[capacity];
        S0 = new double[capacity];
        S1 = new double[capacity];
        S2 = new double[capacity];
        T0 = new double[capacity];
        T1 = new double[capacity];
    }

    /// <summary>Neighbourhood weights of one general (non-centred) window.</summary>
    public double[] Scratch { get; }

    /// <summary>Robustness weight × value.</summary>
    public double[] WeightedY { get; }

    /// <summary>Σ w·r per interior window.</summary>
    public double[] S0 { get; }

    /// <summary>Σ w·d·r per interior window.</summary>
    public double[] S1 { get; }

    /// <summary>Σ w·d²·r per interior window.</summary>
    public double[] S2 { get; }

    /// <summary>Σ w·r·y per interior window.</summary>
    public double[] T0 { get; }

    /// <summary>Σ w·d·r·y per interior window.</summary>
    public double[] T1 { get; }
}
