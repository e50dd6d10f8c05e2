namespace PerformanceAnalytics.Statistics;

/// <summary>The scale on which an experiment effect is reported.</summary>
public enum EffectScale
{
    /// <summary>The absolute difference, treatment mean − control mean.</summary>
    Absolute,

    /// <summary>The relative lift, (treatment mean − control mean) / |control mean|.</summary>
    Relative,
}
