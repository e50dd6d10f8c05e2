using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage.PostgreSql.Internal;

/// <summary>
/// Encodes snapshots as rows of (tenant_id, snapshot_id, content_id, platform, observed_at, observed_tick, the metric
/// columns in catalogue order, metadata) in PostgreSQL's binary COPY format ("COPY", File Formats, Binary Format, in
/// the PostgreSQL documentation) and streams them in chunks to a raw COPY stream.
/// </summary>
/// <remarks>
/// Each value is encoded as the server's binary receive function expects it: text as UTF-8 (the client encoding the
/// driver sets), timestamptz as signed microseconds since 2000-01-01 UTC, with <see cref="DateTime.MinValue"/> as
/// −infinity as the driver writes it, smallint and float8 big-endian, a missing metric (NaN) as NULL, and jsonb as
/// version byte 1 followed by the JSON text. Encoding whole rows into one buffer costs a fraction of writing them field
/// by field through the driver's importer, which made the client, not the server, the bottleneck of the staging copy.
/// </remarks>
internal sealed class SnapshotCopyWriter : IDisposable
{
    /// <summary>The columns of each row, in order, for the COPY statement's column list.</summary>
    internal const string Columns = "tenant_id, " + PostgreSqlEngagementStore.SnapshotColumns;

    /// <summary>Bytes gathered before they are sent.</summary>
    private const int ChunkSize = 64 * 1024;

    /// <summary>The columns written per row: tenant, id, content, platform, timestamp, tick, metrics, metadata.</summary>
    private static readonly short _columnCount = (short)(6 + Metric.Catalogue.Count + 1);

    private static readonly long _postgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(2 * ChunkSize);
    private int _length;

    private SnapshotCopyWriter()
    {
        Signature.CopyTo(_buffer);
        _length = Signature.Length;
        WriteInt32(0); // flags: no OIDs
        WriteInt32(0); // header extension length
    }

    /// <summary>Writes the header, one row per snapshot and the trailer to <paramref name="destination"/>.</summary>
    /// <param name="destination">A raw binary COPY stream (see <c>NpgsqlConnection.BeginRawBinaryCopyAsync</c>).</param>
    /// <param name="snapshots">The rows.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    internal static async Task WriteAsync(Stream destination, IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        using var writer = new SnapshotCopyWriter();
        for (var i = 0; i < snapshots.Count; i++)
        {
            writer.WriteRow(snapshots[i]);
            if (writer._length >= ChunkSize)
            {
                await destination.WriteAsync(writer._buffer.AsMemory(0, writer._length), cancellationToken).ConfigureAwait(false);
                writer._length = 0;
            }
        }

        writer.WriteInt16(-1); // trailer
        await destination.WriteAsync(writer._buffer.AsMemory(0, writer._length), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void WriteRow(EngagementSnapshot snapshot)
    {
        WriteInt16(_columnCount);
        WriteText(snapshot.TenantId);
        WriteText(snapshot.SnapshotId);
        WriteText(snapshot.ContentId);
        WriteText(snapshot.Platform.Key);
        var (utc, tick) = SqlValues.Split(snapshot.Timestamp);
        WriteInt32(sizeof(long));
        WriteInt64(utc == DateTime.MinValue ? long.MinValue : (utc.Ticks - _postgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        WriteInt32(sizeof(short));
        WriteInt16(tick);
        foreach (var metric in Metric.Catalogue)
        {
            var value = snapshot.Metrics[metric];
            if (double.IsNaN(value))
            {
                WriteInt32(-1);
            }
            else
            {
                WriteInt32(sizeof(double));
                WriteInt64(BitConverter.DoubleToInt64Bits(value));
            }
        }

        if (SqlValues.ToJson(snapshot.Metadata) is { } metadata)
        {
            var bytes = Reserve(4 + 1 + Encoding.UTF8.GetMaxByteCount(metadata.Length));
            bytes[4] = 1; // jsonb binary format version
            var count = Encoding.UTF8.GetBytes(metadata, bytes[5..]); // JSON text from Utf8JsonWriter: valid UTF-16
            BinaryPrimitives.WriteInt32BigEndian(bytes, 1 + count);
            _length += 4 + 1 + count;
        }
        else
        {
            WriteInt32(-1);
        }
    }

    /// <summary>Writes text as UTF-8, never replacing a lone surrogate (the store rejects those before copying).</summary>
    private void WriteText(string value)
    {
        var bytes = Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        if (Utf8.FromUtf16(value, bytes[4..], out _, out var count, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            throw new InvalidOperationException("Text with a lone surrogate reached the COPY encoder.");
        }

        BinaryPrimitives.WriteInt32BigEndian(bytes, count);
        _length += 4 + count;
    }

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(sizeof(short)), value);
        _length += sizeof(short);
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Reserve(sizeof(int)), value);
        _length += sizeof(int);
    }

    private void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(Reserve(sizeof(long)), value);
        _length += sizeof(long);
    }

    /// <summary>Returns at least <paramref name="size"/> free bytes after the written ones, growing the buffer if needed.</summary>
    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _length < size)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * _buffer.Length, _length + size));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length);
    }
}
