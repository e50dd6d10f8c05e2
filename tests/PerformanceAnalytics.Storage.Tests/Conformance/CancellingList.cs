using System.Collections;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage.Tests.Conformance;

/// <summary>
/// A batch that cancels a token when a store reads element <c>cancelAt</c> for the (<c>validationReads</c> + 1)-th
/// time: a store reads each element <c>validationReads</c> times before writing (the shared
/// <see cref="EngagementStoreGuard"/>, then its own grouping), so the cancellation lands in the middle of the write pass.
/// </summary>
internal sealed class CancellingList(EngagementSnapshot[] items, int cancelAt, CancellationTokenSource cancellation, int validationReads) : IReadOnlyList<EngagementSnapshot>
{
    private int _reads;

    public int HighestIndexRead { get; private set; } = -1;

    public int Count => items.Length;

    public EngagementSnapshot this[int index]
    {
        get
        {
            HighestIndexRead = Math.Max(HighestIndexRead, index);
            if (index == cancelAt && ++_reads == validationReads + 1)
            {
                cancellation.Cancel();
            }

            return items[index];
        }
    }

    public IEnumerator<EngagementSnapshot> GetEnumerator() => ((IEnumerable<EngagementSnapshot>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
}
