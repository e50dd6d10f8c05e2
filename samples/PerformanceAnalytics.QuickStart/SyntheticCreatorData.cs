using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.QuickStart;

/// <summary>
/// A seeded, realistic content history: a few hundred items across the five platforms, 90 days of snapshots
/// every six hours, with weekly seasonality, platform trends, decay after publication, feature effects and a few
/// viral spikes.
/// </summary>
internal sealed class SyntheticCreatorData(int seed, DateTimeOffset now)
{
    public const int Days = 90;
    public const int SnapshotsPerDay = 4;

    private static readonly (Platform Platform, double BaseViews, double DailyGrowth, double WeekendLift, double LikeRate)[] _platforms =
    [
        (Platform.YouTube, 900, 0.004, 1.20, 0.040),
        (Platform.TikTok, 2500, 0.008, 1.35, 0.070),
        (Platform.Instagram, 1200, 0.002, 1.15, 0.055),
        (Platform.LinkedIn, 400, 0.003, 0.60, 0.025),
        (Platform.X, 700, -0.002, 0.95, 0.015),
    ];

    private static readonly string[] _topics = ["cooking", "tech", "travel", "fitness", "finance"];

    private readonly Random _random = new(seed);

    public List<ContentPlan> Items { get; } = [];

    /// <summary>Gets midnight (UTC) of the first simulated day.</summary>
    public DateTimeOffset FirstDay { get; } = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-Days);

    public IEnumerable<ContentPlan> Plan(int itemsPerPlatform)
    {
        foreach (var (platform, baseViews, growth, weekendLift, likeRate) in _platforms)
        {
            for (var i = 0; i < itemsPerPlatform; i++)
            {
                var shortForm = platform == Platform.TikTok || _random.NextDouble() < 0.4;
                var hashtags = _random.Next(0, 11);
                var topic = _topics[_random.Next(_topics.Length)];
                var duration = shortForm ? 15 + _random.Next(75) : 240 + _random.Next(1200);
                // Feature effects: short form and a few hashtags help; too many hashtags hurt; finance is niche.
                var quality = Math.Exp(0.5 * Normal());
                var featureEffect = (shortForm ? 1.4 : 1.0) * (1 + (0.08 * Math.Min(hashtags, 5)) - (0.06 * Math.Max(0, hashtags - 5))) * (topic == "finance" ? 0.7 : 1.0);
                var published = now.AddDays(-_random.Next(0, Days + 30)).AddHours(-_random.Next(24));
                // A viral spike, planted at least a week after publication so that it stands out from the launch burst.
                var firstSpikeDay = Math.Max(5, (int)Math.Ceiling((published - FirstDay).TotalDays) + 7);
                var spikeDay = _random.NextDouble() < 0.08 && firstSpikeDay < Days - 2 ? _random.Next(firstSpikeDay, Days - 2) : -1;
                var plan = new ContentPlan(
                    $"{platform.Key}-{i + 1:D3}", platform, published, $"{topic} #{i + 1}", topic, shortForm, hashtags, duration,
                    baseViews * quality * featureEffect, growth, weekendLift, likeRate * Math.Exp(0.2 * Normal()), spikeDay);
                Items.Add(plan);
                yield return plan;
            }
        }
    }

    /// <summary>Yields the tracking requests of one item, in time order.</summary>
    public IEnumerable<TrackingRequest> Snapshots(ContentPlan item)
    {
        var start = FirstDay;
        var totals = new double[6]; // views, likes, comments, shares, saves, basis (impressions or reach)
        var watchTime = 0.0;
        var step = TimeSpan.FromHours(24.0 / SnapshotsPerDay);
        for (var t = start; t < now; t += step)
        {
            if (t < item.PublishedAt)
            {
                continue;
            }

            var ageDays = (t - item.PublishedAt).TotalDays;
            var dayIndex = (int)(t - start).TotalDays;
            var weekend = t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? item.WeekendLift : 1.0;
            var decay = 0.25 + (3.0 * Math.Exp(-ageDays / 4.0));
            var trend = Math.Exp(item.DailyGrowth * dayIndex);
            var spike = dayIndex == item.SpikeDay ? 12.0 : 1.0;
            var expectedViews = item.BaseDailyViews * decay * weekend * trend * spike / SnapshotsPerDay;
            var views = Poisson(expectedViews);
            totals[0] += views;
            totals[1] += Poisson(views * item.LikeRate);
            totals[2] += Poisson(views * item.LikeRate * 0.08);
            totals[3] += Poisson(views * item.LikeRate * 0.05);
            totals[4] += Poisson(views * item.LikeRate * 0.03);
            totals[5] += Poisson(views * (item.Platform == Platform.Instagram ? 0.7 : 1.8));
            watchTime += views * item.DurationSeconds * (item.ShortForm ? 0.65 : 0.35);

            var metrics = new Dictionary<string, double>
            {
                ["views"] = totals[0],
                ["likes"] = totals[1],
                ["comments"] = totals[2],
                ["shares"] = totals[3],
                ["saves"] = totals[4],
                ["watch_time"] = Math.Round(watchTime),
            };
            if (item.Platform == Platform.Instagram)
            {
                metrics["reach"] = totals[5];
            }
            else if (item.Platform == Platform.LinkedIn || item.Platform == Platform.X)
            {
                metrics["impressions"] = totals[5];
            }

            yield return new TrackingRequest(item.ContentId, item.Platform.Key, metrics)
            {
                SnapshotId = $"{item.ContentId}@{t.UtcTicks}",
                Timestamp = t,
            };
        }
    }

    private double Normal()
    {
        // Box–Muller.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private double Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        // Knuth's multiplication method for small means.
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= _random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}

/// <summary>One synthetic content item and the parameters its history is drawn from.</summary>
internal sealed record ContentPlan(
    string ContentId,
    Platform Platform,
    DateTimeOffset PublishedAt,
    string Title,
    string Topic,
    bool ShortForm,
    int Hashtags,
    int DurationSeconds,
    double BaseDailyViews,
    double DailyGrowth,
    double WeekendLift,
    double LikeRate,
    int SpikeDay);
