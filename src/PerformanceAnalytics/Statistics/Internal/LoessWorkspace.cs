namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Buffers reused by every LOESS pass of one STL fit, so smoothing allocates nothing per point or pass.</summary>
internal sealed class LoessWorkspace
{
    private readonly int _capacity;
    private double[]? _weightedY;
    private double[]? _s0;
    private double[]? _s1;
    private double[]? _s2;
    private double[]? _t0;
    private double[]? _t1;

    /// <summary>Creates buffers for series of up to <paramref name="capacity"/> points; those only robust fits need
    /// are allocated on first use.</summary>
    public LoessWorkspace(int capacity)
    {
        _capacity = capacity;
        Scratch = new double[capacity];
    }

    /// <summary>Neighbourhood weights of one general (non-centred) window.</summary>
    public double[] Scratch { get; }

    /// <summary>Robustness weight × value.</summary>
    public double[] WeightedY => _weightedY ??= new double[_capacity];

    /// <summary>Σ w·r per interior window.</summary>
    public double[] S0 => _s0 ??= new double[_capacity];

    /// <summary>Σ w·d·r per interior window.</summary>
    public double[] S1 => _s1 ??= new double[_capacity];

    /// <summary>Σ w·d²·r per interior window.</summary>
    public double[] S2 => _s2 ??= new double[_capacity];

    /// <summary>Σ w·r·y per interior window.</summary>
    public double[] T0 => _t0 ??= new double[_capacity];

    /// <summary>Σ w·d·r·y per interior window.</summary>
    public double[] T1 => _t1 ??= new double[_capacity];
}
