using System.Collections;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage.Tests.Conformance;

/// <summary>
/// A batch that cancels a token when a store reads element <c>cancelAt</c> for the second time: stores read each
/// element once while validating, so the cancellation lands in the middle of the write pass.
/// </summary>
internal sealed class CancellingList(EngagementSnapshot[] items, int cancelAt, CancellationTokenSource cancellation) : IReadOnlyList<EngagementSnapshot>
{
    private int _reads;

    public int HighestIndexRead { get; private set; } = -1;

    public int Count => items.Length;

    public EngagementSnapshot this[int index]
    {
        get
        {
            HighestIndexRead = Math.Max(HighestIndexRead, index);
            // The store reads each element once while validating; cancel during the insert pass.
            if (index == cancelAt && ++_reads == 2)
            {
                cancellation.Cancel();
            }

            return items[index];
        }
    }

    public IEnumerator<EngagementSnapshot> GetEnumerator() => ((IEnumerable<EngagementSnapshot>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
}
