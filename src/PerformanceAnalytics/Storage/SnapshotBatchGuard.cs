using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// The checks every <see cref="IEngagementStore"/> makes on a batch before storing any of it, so that all stores
/// reject the same batches with the same messages.
/// </summary>
public static class SnapshotBatchGuard
{
    /// <summary>
    /// Throws when a snapshot of the batch is <see langword="null"/>, has a <see langword="null"/> id, tenant or metric
    /// set, or has an id, tenant or metadata entry that is not valid UTF-16 text (a lone surrogate).
    /// </summary>
    /// <remarks>
    /// A lone surrogate cannot be encoded as UTF-8, which is how SQLite and PostgreSQL hold text: an encoder would
    /// either fail part-way or replace it with U+FFFD, storing an id other than the one given (two such ids can then
    /// collide and one snapshot be dropped as a re-delivery). Rejecting them up front keeps every store exact.
    /// </remarks>
    /// <param name="snapshots">The batch.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot fails a check; the message names its index and the field.</exception>
    public static void Validate(IReadOnlyList<EngagementSnapshot> snapshots, string paramName)
    {
        ArgumentNullException.ThrowIfNull(snapshots, paramName);
        for (var i = 0; i < snapshots.Count; i++)
        {
            var snapshot = snapshots[i] ?? throw new ArgumentException($"Snapshot {i} is null.", paramName);
            if (snapshot.SnapshotId is null || snapshot.ContentId is null || snapshot.TenantId is null || snapshot.Metrics is null)
            {
                throw new ArgumentException($"Snapshot {i} has a null id, tenant or metric set.", paramName);
            }

            if (LoneSurrogateIn(snapshot) is { } field)
            {
                throw new ArgumentException(
                    $"Snapshot {i} has a {field} that is not valid UTF-16 text (a lone surrogate, which UTF-8 storage cannot hold).",
                    paramName);
            }
        }
    }

    /// <summary>Returns the index of the first lone surrogate in <paramref name="text"/>, or −1 when it is valid UTF-16.</summary>
    /// <param name="text">The text; <see langword="null"/> counts as valid.</param>
    /// <returns>The index of a high surrogate not followed by a low one, or of a low surrogate not preceded by a high one; −1 if none.</returns>
    internal static int IndexOfLoneSurrogate(string? text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? LoneSurrogateIn(EngagementSnapshot snapshot)
    {
        if (IndexOfLoneSurrogate(snapshot.TenantId) >= 0)
        {
            return "tenant id";
        }

        if (IndexOfLoneSurrogate(snapshot.SnapshotId) >= 0)
        {
            return "snapshot id";
        }

        if (IndexOfLoneSurrogate(snapshot.ContentId) >= 0)
        {
            return "content id";
        }

        if (snapshot.Metadata is { } metadata)
        {
            foreach (var (key, value) in metadata)
            {
                if (IndexOfLoneSurrogate(key) >= 0 || IndexOfLoneSurrogate(value) >= 0)
                {
                    return "metadata entry";
                }
            }
        }

        return null;
    }
}
