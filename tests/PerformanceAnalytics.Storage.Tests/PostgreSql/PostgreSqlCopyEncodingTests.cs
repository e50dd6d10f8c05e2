using Npgsql;
using NpgsqlTypes;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql.Internal;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>
/// The store's own binary COPY encoding (<see cref="SnapshotCopyWriter"/>) against the driver's: the same snapshots
/// copied through Npgsql's field-by-field binary importer and through the encoder into two tables of the store's
/// schema must leave identical rows, compared column by column in PostgreSQL's text output.
/// </summary>
public sealed class PostgreSqlCopyEncodingTests() : PostgreSqlStoreTestBase("pa_enc")
{
    private const string Columns = SnapshotCopyWriter.Columns;

    [Test]
    public async Task Encoder_EdgeValues_StoresWhatTheDriverStores()
    {
        var metrics = MetricValues.Empty
            .With(Metric.Views, double.PositiveInfinity)
            .With(Metric.Likes, double.NegativeInfinity)
            .With(Metric.Comments, -0.0)
            .With(Metric.Shares, double.Epsilon)
            .With(Metric.Saves, double.MaxValue)
            .With(Metric.Impressions, 0.1 + 0.2)
            .With(Metric.CompletionRate, -1e-300);
        var metadata = new Dictionary<string, string>
        {
            ["quote\"and\\backslash"] = "line\nbreak\ttab",
            ["ünïcödé"] = "日本語 😀",
            ["empty"] = string.Empty,
        };
        var at = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(5));
        EngagementSnapshot[] snapshots =
        [
            new("a", "c", Platform.YouTube, at, metrics) { Metadata = metadata },
            new("min", "c", Platform.YouTube, DateTimeOffset.MinValue, MetricValues.Empty.With(Metric.Views, 1)),
            new("min+1", "c", Platform.YouTube, DateTimeOffset.MinValue.AddTicks(1), MetricValues.Empty),
            new("max", "c", Platform.YouTube, DateTimeOffset.MaxValue, MetricValues.Empty),
            new("pre-epoch", "c", Platform.YouTube, new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), MetricValues.Empty),
            new("pre-unix", "c", Platform.YouTube, new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero).AddTicks(-3), MetricValues.Empty),
            new(string.Empty, "😀 content", Platform.Custom("my-platform"), at.AddTicks(7), MetricValues.Empty) { TenantId = "tenant ü" },
            new("long", new string('x', 70_000), Platform.X, at, MetricValues.Empty) { Metadata = new Dictionary<string, string> { ["k"] = new string('é', 40_000) } },
        ];

        await AssertBothWritersAgreeAsync(snapshots);
    }

    [Test]
    public async Task Encoder_ManyRowsAcrossChunks_StoresWhatTheDriverStores()
    {
        var random = new Random(20261126);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var snapshots = Enumerable.Range(0, 3_000).Select(i =>
        {
            var values = MetricValues.Empty;
            foreach (var metric in Metric.Catalogue)
            {
                if (random.NextDouble() < 0.7)
                {
                    values = values.With(metric, Math.Round(random.NextDouble() * 1e6, random.Next(0, 8)));
                }
            }

            return new EngagementSnapshot($"s{i}", $"content-{i % 37}", Platform.BuiltIn.ElementAt(i % 5), start.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365)), values)
            {
                Metadata = i % 3 == 0 ? new Dictionary<string, string> { ["campaign"] = $"c{i % 11}" } : new Dictionary<string, string>(),
            };
        }).ToList();

        await AssertBothWritersAgreeAsync(snapshots);
    }

    private async Task AssertBothWritersAgreeAsync(IReadOnlyList<EngagementSnapshot> snapshots)
    {
        await ExecuteAsync(
            $"CREATE TABLE \"{Schema}\".by_driver (LIKE \"{Schema}\".engagement_snapshots); "
            + $"CREATE TABLE \"{Schema}\".by_encoder (LIKE \"{Schema}\".engagement_snapshots);");
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"{Schema}\".by_driver ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var snapshot in snapshots)
                {
                    await WriteWithDriverAsync(importer, snapshot);
                }

                await importer.CompleteAsync();
            }

            await using (var stream = await connection.BeginRawBinaryCopyAsync($"COPY \"{Schema}\".by_encoder ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                await SnapshotCopyWriter.WriteAsync(stream, snapshots, CancellationToken.None);
            }
        }

        var byDriver = await RowsAsync("by_driver");
        var byEncoder = await RowsAsync("by_encoder");

        byDriver.Should().HaveCount(snapshots.Count);
        byEncoder.Should().Equal(byDriver);
    }

    /// <summary>The reference: each column written through the driver's typed importer.</summary>
    private static async Task WriteWithDriverAsync(NpgsqlBinaryImporter importer, EngagementSnapshot snapshot)
    {
        var (utc, tick) = SqlValues.Split(snapshot.Timestamp);
        await importer.StartRowAsync();
        await importer.WriteAsync(snapshot.TenantId, NpgsqlDbType.Text);
        await importer.WriteAsync(snapshot.SnapshotId, NpgsqlDbType.Text);
        await importer.WriteAsync(snapshot.ContentId, NpgsqlDbType.Text);
        await importer.WriteAsync(snapshot.Platform.Key, NpgsqlDbType.Text);
        await importer.WriteAsync(utc, NpgsqlDbType.TimestampTz);
        await importer.WriteAsync(tick, NpgsqlDbType.Smallint);
        foreach (var metric in Metric.Catalogue)
        {
            var value = snapshot.Metrics[metric];
            if (double.IsNaN(value))
            {
                await importer.WriteNullAsync();
            }
            else
            {
                await importer.WriteAsync(value, NpgsqlDbType.Double);
            }
        }

        if (SqlValues.ToJson(snapshot.Metadata) is { } metadata)
        {
            await importer.WriteAsync(metadata, NpgsqlDbType.Jsonb);
        }
        else
        {
            await importer.WriteNullAsync();
        }
    }

    /// <summary>Every row as the text of each column (float8 with all 17 significant digits), in a fixed order.</summary>
    private async Task<List<string>> RowsAsync(string table)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using (var digits = new NpgsqlCommand("SET extra_float_digits = 3; SET TimeZone = 'UTC'", connection))
        {
            await digits.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            $"SELECT concat_ws(' | ', {string.Join(", ", Columns.Split(", ").Select(c => $"coalesce({c}::text, 'NULL')"))}) "
            + $"FROM \"{Schema}\".{table} ORDER BY tenant_id, snapshot_id",
            connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
