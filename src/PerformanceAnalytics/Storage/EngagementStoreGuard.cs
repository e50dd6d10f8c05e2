using System.Globalization;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// The argument checks every <see cref="IEngagementStore"/> makes before it reads or writes anything, so that all
/// stores reject the same arguments with the same messages.
/// </summary>
/// <remarks>
/// <para>
/// Besides <see langword="null"/>s, the checks reject text that is not valid UTF-16: a lone surrogate (half of a pair,
/// as left by cutting a string between the two halves of an emoji). Such text has no UTF-8 form, which is how SQLite
/// and PostgreSQL hold text: an encoder either fails part-way or stores U+FFFD in its place. Stored, that changes the
/// value (a title, a payload) and can make two different ids equal, so that one snapshot is dropped as a
/// re-delivery; used in a query, it can select the rows of another id, even another tenant's, whose id has U+FFFD at
/// that position. Rejecting it keeps every store exact and every tenant's rows its own.
/// </para>
/// <para>Store implementations outside this package can call the same checks to behave like the built-in stores.</para>
/// </remarks>
public static class EngagementStoreGuard
{
    /// <summary>
    /// Throws unless every snapshot is non-null with non-null ids, tenant and metric set, and every id, tenant and
    /// metadata entry is valid UTF-16 text.
    /// </summary>
    /// <param name="snapshots">The batch.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot fails a check; the message names its index and the field.</exception>
    public static void ThrowIfInvalid(IReadOnlyList<EngagementSnapshot> snapshots, string paramName)
    {
        ArgumentNullException.ThrowIfNull(snapshots, paramName);
        for (var i = 0; i < snapshots.Count; i++)
        {
            var snapshot = snapshots[i] ?? throw new ArgumentException($"Snapshot {i} is null.", paramName);
            if (snapshot.SnapshotId is null || snapshot.ContentId is null || snapshot.TenantId is null || snapshot.Metrics is null)
            {
                throw new ArgumentException($"Snapshot {i} has a null id, tenant or metric set.", paramName);
            }

            var field = IsValidText(snapshot.TenantId) ? null : "tenant id";
            field ??= IsValidText(snapshot.SnapshotId) ? null : "snapshot id";
            field ??= IsValidText(snapshot.ContentId) ? null : "content id";
            field ??= IsValidText(snapshot.Metadata) ? null : "metadata entry";
            ThrowIfNamed(field, "Snapshot", i, paramName);
        }
    }

    /// <summary>
    /// Throws unless every content item is non-null with non-null id, tenant, title and feature sets, and its id,
    /// tenant, title and feature names and values are valid UTF-16 text.
    /// </summary>
    /// <param name="items">The batch.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item fails a check; the message names its index and the field.</exception>
    public static void ThrowIfInvalid(IReadOnlyList<ContentItem> items, string paramName)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"Content item {i} is null.", paramName);
            if (item.ContentId is null || item.TenantId is null || item.Title is null || item.NumericFeatures is null || item.CategoricalFeatures is null)
            {
                throw new ArgumentException($"Content item {i} has a null id, tenant, title or feature set.", paramName);
            }

            var field = IsValidText(item.TenantId) ? null : "tenant id";
            field ??= IsValidText(item.ContentId) ? null : "content id";
            field ??= IsValidText(item.Title) ? null : "title";
            field ??= item.NumericFeatures.Keys.All(IsValidText) ? null : "numeric feature name";
            field ??= IsValidText(item.CategoricalFeatures) ? null : "categorical feature";
            ThrowIfNamed(field, "Content item", i, paramName);
        }
    }

    /// <summary>
    /// Throws unless every analysis record is non-null with non-null id, subject, payload and tenant, all valid UTF-16 text.
    /// </summary>
    /// <param name="records">The batch.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record fails a check; the message names its index and the field.</exception>
    public static void ThrowIfInvalid(IReadOnlyList<AnalysisRecord> records, string paramName)
    {
        ArgumentNullException.ThrowIfNull(records, paramName);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Analysis record {i} is null.", paramName);
            if (record.RecordId is null || record.Subject is null || record.PayloadJson is null || record.TenantId is null)
            {
                throw new ArgumentException($"Analysis record {i} has a null id, subject, payload or tenant.", paramName);
            }

            var field = IsValidText(record.TenantId) ? null : "tenant id";
            field ??= IsValidText(record.RecordId) ? null : "record id";
            field ??= IsValidText(record.Subject) ? null : "subject";
            field ??= IsValidText(record.PayloadJson) ? null : "payload";
            ThrowIfNamed(field, "Analysis record", i, paramName);
        }
    }

    /// <summary>Throws unless the query and its tenant are non-null and its tenant and content ids are valid UTF-16 text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant is null, or an id is not valid text.</exception>
    public static void ThrowIfInvalid(SnapshotQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
        if (query.ContentIds is { } contentIds)
        {
            foreach (var contentId in contentIds)
            {
                ThrowIfInvalidId(contentId, "content id", paramName);
            }
        }
    }

    /// <summary>Throws unless the query, its tenant and its content id are non-null and valid UTF-16 text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is null or not valid text.</exception>
    public static void ThrowIfInvalid(SeriesQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
        ThrowIfInvalidId(query.ContentId, "content id", paramName);
    }

    /// <summary>Throws unless the query and its tenant are non-null and the tenant is valid UTF-16 text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant is null or not valid text.</exception>
    public static void ThrowIfInvalid(PlatformAggregateQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
    }

    /// <summary>Throws unless the query and its tenant are non-null and its tenant and subject are valid UTF-16 text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant is null, or an id is not valid text.</exception>
    public static void ThrowIfInvalid(AnalysisQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
        if (query.Subject is not null)
        {
            ThrowIfInvalidId(query.Subject, "subject", paramName);
        }
    }

    /// <summary>Throws unless <paramref name="id"/> is non-null valid UTF-16 text.</summary>
    /// <param name="id">The id (a tenant, content or record id).</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> has a lone surrogate.</exception>
    public static void ThrowIfInvalidId(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        ThrowIfInvalidId(id, "id", paramName);
    }

    /// <summary>Throws unless <paramref name="tenantId"/>, a tenant filter where <see langword="null"/> means every tenant, is valid UTF-16 text.</summary>
    /// <param name="tenantId">The tenant, or <see langword="null"/> for all of them.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> has a lone surrogate.</exception>
    public static void ThrowIfInvalidTenantFilter(string? tenantId, string paramName)
    {
        if (tenantId is not null)
        {
            ThrowIfInvalidId(tenantId, "tenant id", paramName);
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

    private static bool IsValidText(string? text) => IndexOfLoneSurrogate(text) < 0;

    private static bool IsValidText(IReadOnlyDictionary<string, string>? entries)
    {
        if (entries is not null)
        {
            foreach (var (key, value) in entries)
            {
                if (!IsValidText(key) || !IsValidText(value))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void ThrowIfNamed(string? field, string row, int index, string paramName)
    {
        if (field is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{row} {index} has a {field} that is not valid UTF-16 text (a lone surrogate, which UTF-8 storage cannot hold)."),
                paramName);
        }
    }

    private static void ThrowIfInvalidId(string? id, string field, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentException($"The {field} is null.", paramName);
        }

        var at = IndexOfLoneSurrogate(id);
        if (at >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {field} is not valid UTF-16 text: a lone surrogate at index {at}. No stored id can match it."),
                paramName);
        }
    }
}
