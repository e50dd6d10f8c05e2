using System.Text.Json;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>
/// Loads TestData/Fixtures/StatsCore/stats_core.json, written by generate_stats_core.py (SciPy 1.10, statsmodels 0.13,
/// exact rational arithmetic), and reproduces the script's deterministic data generator.
/// </summary>
internal static class StatsCoreFixture
{
    private static readonly Lazy<JsonDocument> _document = new(() => JsonDocument.Parse(File.ReadAllText(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Fixtures", "StatsCore", "stats_core.json"))));

    public static JsonElement Root => _document.Value.RootElement;

    public static IEnumerable<JsonElement> Cases(string section) => Root.GetProperty(section).EnumerateArray();

    public static double[] Array(this JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static string Label(JsonElement entry) =>
        entry.TryGetProperty("spec", out var spec) ? $"seed{spec.GetProperty("seed").GetInt32()}_n{spec.GetProperty("n").GetInt32()}" : "case";

    /// <summary>x and y of a correlation/regression case: inline when stored, else regenerated from the spec.</summary>
    public static (double[] X, double[] Y) Pairs(JsonElement entry)
    {
        if (entry.TryGetProperty("x", out var x))
        {
            return (x.Array(), entry.GetProperty("y").Array());
        }

        var spec = entry.GetProperty("spec");
        var rng = new SplitMix64(spec.GetProperty("seed").GetUInt64());
        var n = spec.GetProperty("n").GetInt32();
        var k = spec.TryGetProperty("k", out var kk) ? kk.GetInt32() : 10;
        var slope = spec.GetProperty("slope").GetDouble();
        var xs = new double[n];
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            xs[i] = rng.Draw(spec.GetProperty("x").GetString()!, k);
        }

        for (var i = 0; i < n; i++)
        {
            ys[i] = (slope * xs[i]) + rng.Draw(spec.GetProperty("noise").GetString()!, k);
        }

        return (xs, ys);
    }

    /// <summary>The series of a trend case: y_t = slope · t + noise_t.</summary>
    public static double[] Series(JsonElement entry)
    {
        if (entry.TryGetProperty("y", out var y))
        {
            return y.Array();
        }

        var spec = entry.GetProperty("spec");
        var rng = new SplitMix64(spec.GetProperty("seed").GetUInt64());
        var n = spec.GetProperty("n").GetInt32();
        var k = spec.TryGetProperty("k", out var kk) ? kk.GetInt32() : 10;
        var slope = spec.GetProperty("slope").GetDouble();
        var ys = new double[n];
        for (var t = 0; t < n; t++)
        {
            ys[t] = (slope * t) + rng.Draw(spec.GetProperty("noise").GetString()!, k);
        }

        return ys;
    }

    /// <summary>Asserts |actual − expected| ≤ relative · |expected| (plus a 1e−300 floor).</summary>
    public static void ShouldBeRelative(this double actual, double expected, double relative, string what) =>
        Math.Abs(actual - expected).Should().BeLessThanOrEqualTo((relative * Math.Abs(expected)) + 1e-300, $"{what}: expected {expected:R}, got {actual:R}");
}

/// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014), mirrored from generate_stats_core.py.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double Uniform() => ((Next() >> 11) + 0.5) * Math.ScaleB(1.0, -53);

    public double Draw(string kind, int k) => kind switch
    {
        "normal" => Normal(),
        "cauchy" => Math.Tan(Math.PI * (Uniform() - 0.5)),
        "int" => Math.Floor(Uniform() * k),
        "uniform" => Uniform(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private double Normal()
    {
        var u1 = Uniform();
        var u2 = Uniform();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
