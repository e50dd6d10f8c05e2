using System.Buffers;
using System.Globalization;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// The argument checks every <see cref="IEngagementStore"/> makes before it reads or writes anything, so that all
/// stores reject the same arguments with the same messages.
/// </summary>
/// <remarks>
/// <para>
/// Besides <see langword="null"/>s, the checks reject text that no store can hold unchanged. A lone surrogate (half
/// of a UTF-16 pair, as left by cutting a string between the two halves of an emoji) has no UTF-8 form, which is how
/// SQLite and PostgreSQL hold text: an encoder either fails part-way or stores U+FFFD in its place. Stored, that changes
/// the value (a title, a payload) and can make two different ids equal, so that one snapshot is dropped as a
/// re-delivery; used in a query or a delete, it can select the rows of another id, even another tenant's, whose id has
/// U+FFFD at that position. U+0000 (NUL) is rejected too: PostgreSQL's text and jsonb cannot hold it, so accepting it
/// in the other stores would make data that works with one store fail with another.
/// </para>
/// <para>Store implementations outside this package can call the same checks to behave like the built-in stores.</para>
/// </remarks>
public static class EngagementStoreGuard
{
    /// <summary>U+0000 and the surrogates, where a scan for unstorable characters stops to look closer.</summary>
    private static readonly SearchValues<char> _suspect =
        SearchValues.Create("\0" + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>
    /// Throws unless every snapshot is non-null with non-null ids, tenant and metric set, and every id, tenant and
    /// metadata entry is storable text (see the remarks of <see cref="EngagementStoreGuard"/>).
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

            var check = new TextCheck("Snapshot", i, paramName);
            check.Text(snapshot.TenantId, "tenant id");
            check.Text(snapshot.SnapshotId, "snapshot id");
            check.Text(snapshot.ContentId, "content id");
            check.Entries(snapshot.Metadata, "metadata entry");
        }
    }

    /// <summary>
    /// Throws unless every content item is non-null with non-null id, tenant, title and feature sets, and its id,
    /// tenant, title and feature names and values are storable text.
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

            var check = new TextCheck("Content item", i, paramName);
            check.Text(item.TenantId, "tenant id");
            check.Text(item.ContentId, "content id");
            check.Text(item.Title, "title");
            foreach (var name in item.NumericFeatures.Keys)
            {
                check.Text(name, "numeric feature name");
            }

            check.Entries(item.CategoricalFeatures, "categorical feature");
        }
    }

    /// <summary>
    /// Throws unless every analysis record is non-null with a defined kind and non-null id, subject, payload and tenant,
    /// all storable text.
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

            if (!Enum.IsDefined(record.Kind))
            {
                throw new ArgumentException($"Analysis record {i} has the undefined kind {record.Kind}.", paramName);
            }

            var check = new TextCheck("Analysis record", i, paramName);
            check.Text(record.TenantId, "tenant id");
            check.Text(record.RecordId, "record id");
            check.Text(record.Subject, "subject");
            check.Text(record.PayloadJson, "payload");
        }
    }

    /// <summary>Throws unless the query and its tenant are non-null and its tenant and content ids are storable text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant is null, or an id holds a lone surrogate or U+0000.</exception>
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

    /// <summary>Throws unless the query, its tenant and its content id are non-null and storable text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is null or holds a lone surrogate or U+0000.</exception>
    public static void ThrowIfInvalid(SeriesQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
        ThrowIfInvalidId(query.ContentId, "content id", paramName);
    }

    /// <summary>Throws unless the query and its tenant are non-null and the tenant is storable text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant is null or holds a lone surrogate or U+0000.</exception>
    public static void ThrowIfInvalid(PlatformAggregateQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
    }

    /// <summary>Throws unless the query and its tenant are non-null, its kind is defined and its tenant and subject are storable text.</summary>
    /// <param name="query">The query.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant is null, or an id holds a lone surrogate or U+0000.</exception>
    public static void ThrowIfInvalid(AnalysisQuery query, string paramName)
    {
        ArgumentNullException.ThrowIfNull(query, paramName);
        if (!Enum.IsDefined(query.Kind))
        {
            throw new ArgumentException($"The kind {query.Kind} is undefined.", paramName);
        }

        ThrowIfInvalidId(query.TenantId, "tenant id", paramName);
        if (query.Subject is not null)
        {
            ThrowIfInvalidId(query.Subject, "subject", paramName);
        }
    }

    /// <summary>Throws unless <paramref name="id"/> is non-null storable text.</summary>
    /// <param name="id">The id (a tenant, content or record id).</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> holds a lone surrogate or U+0000.</exception>
    public static void ThrowIfInvalidId(string id, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        ThrowIfInvalidId(id, "id", paramName);
    }

    /// <summary>Throws unless <paramref name="tenantId"/>, a tenant filter where <see langword="null"/> means every tenant, is storable text.</summary>
    /// <param name="tenantId">The tenant, or <see langword="null"/> for all of them.</param>
    /// <param name="paramName">The parameter name the exception carries.</param>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> holds a lone surrogate or U+0000.</exception>
    public static void ThrowIfInvalidTenantFilter(string? tenantId, string paramName)
    {
        if (tenantId is not null)
        {
            ThrowIfInvalidId(tenantId, "tenant id", paramName);
        }
    }

    /// <summary>Returns the index of the first character no store can hold: a lone surrogate or U+0000; −1 if none.</summary>
    /// <param name="text">The text; <see langword="null"/> has none.</param>
    /// <returns>The index of U+0000, of a high surrogate not followed by a low one, or of a low surrogate not preceded by a high one; −1 if none.</returns>
    internal static int IndexOfUnstorable(string? text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(_suspect); i >= 0 && i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (span[i] == '\0' || char.IsSurrogate(span[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Says what the character at <paramref name="at"/> (found by <see cref="IndexOfUnstorable"/>) is and why no store can hold it.</summary>
    internal static string DescribeUnstorable(string text, int at) => text[at] == '\0'
        ? string.Create(CultureInfo.InvariantCulture, $"U+0000 (NUL) at index {at}, which PostgreSQL text cannot hold")
        : string.Create(CultureInfo.InvariantCulture, $"a lone surrogate at index {at} (not valid UTF-16, no UTF-8 form)");

    private static void ThrowIfInvalidId(string? id, string field, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentException($"The {field} is null.", paramName);
        }

        var at = IndexOfUnstorable(id);
        if (at >= 0)
        {
            throw new ArgumentException($"The {field} holds {DescribeUnstorable(id, at)}; no stored id can match it.", paramName);
        }
    }

    /// <summary>Checks the text fields of one row of a batch, throwing for the first that no store can hold.</summary>
    private readonly ref struct TextCheck(string row, int index, string paramName)
    {
        public void Text(string? text, string field)
        {
            var at = IndexOfUnstorable(text);
            if (at >= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{row} {index} has a {field} that cannot be stored: it holds {DescribeUnstorable(text!, at)}."),
                    paramName);
            }
        }

        public void Entries(IReadOnlyDictionary<string, string>? entries, string field)
        {
            if (entries is not null)
            {
                foreach (var (key, value) in entries)
                {
                    Text(key, field);
                    Text(value, field);
                }
            }
        }
    }
}
