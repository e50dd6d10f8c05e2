namespace PerformanceAnalytics.Analysis;

/// <summary>What a batch does with invalid items.</summary>
public enum BatchMode
{
    /// <summary>Valid items are stored; invalid ones are reported with their index and reason.</summary>
    BestEffort,

    /// <summary>Nothing is stored unless every item is valid; the invalid ones are reported.</summary>
    AllOrNothing,
}
