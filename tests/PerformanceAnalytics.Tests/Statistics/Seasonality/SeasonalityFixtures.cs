using System.Text.Json;
using System.Text.Json.Serialization;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

/// <summary>Loads the reference fixtures written by TestData/Fixtures/Seasonality/make_fixtures.py and r_stl_periodic.R.</summary>
internal static class SeasonalityFixtures
{
    private static readonly JsonSerializerOptions _jsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Fixtures", "Seasonality");

    public static IReadOnlyList<StatsmodelsStlCase> StatsmodelsStl() =>
        Read<StatsmodelsStlFile>("statsmodels_stl.json").Cases;

    public static IReadOnlyList<AcfCase> StatsmodelsAcf() => Read<AcfFile>("statsmodels_acf.json").Cases;

    public static IReadOnlyList<RStlCase> RPeriodic() => Read<List<RStlCase>>("r_stl_periodic.json");

    /// <summary>Log daily page views of Peyton Manning, 2012-05-01 … 2013-07-23 (448 consecutive days).</summary>
    public static double[] PeytonManningLog() =>
        File.ReadLines(Path.Combine(Folder, "peyton_manning_2012-05-01_2013-07-23.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("ds", StringComparison.Ordinal))
            .Select(l => Math.Log(double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

    /// <summary>Reads a one-column CSV fixture (comment lines start with '#', then a header).</summary>
    public static double[] ReadColumn(string file) =>
        File.ReadLines(Path.Combine(Folder, file))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("value", StringComparison.Ordinal))
            .Select(l => double.Parse(l, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

    private static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Folder, file)), _jsonOptions)
        ?? throw new InvalidDataException(file);

    internal sealed record StatsmodelsStlFile(string Reference, List<StatsmodelsStlCase> Cases);

    internal sealed record AcfFile(string Reference, List<AcfCase> Cases);
}

/// <summary>One statsmodels STL case: input, the STL(...) keyword arguments, fit(...) arguments and outputs.</summary>
public sealed record StatsmodelsStlCase(
    string Name, int Period, Dictionary<string, JsonElement> Options, Dictionary<string, int> Fit,
    double[] Y, double[] Trend, double[] Seasonal, double[] Remainder, double[] Weights,
    [property: JsonPropertyName("trend_strength")] double TrendStrength,
    [property: JsonPropertyName("seasonal_strength")] double SeasonalStrength)
{
    public StlOptions ToOptions()
    {
        var o = new StlOptions();
        foreach (var (key, value) in Options)
        {
            switch (key)
            {
                case "seasonal": o.Seasonal = value.GetInt32(); break;
                case "trend": o.Trend = value.GetInt32(); break;
                case "low_pass": o.LowPass = value.GetInt32(); break;
                case "seasonal_deg": o.SeasonalDegree = value.GetInt32(); break;
                case "trend_deg": o.TrendDegree = value.GetInt32(); break;
                case "low_pass_deg": o.LowPassDegree = value.GetInt32(); break;
                case "seasonal_jump": o.SeasonalJump = value.GetInt32(); break;
                case "trend_jump": o.TrendJump = value.GetInt32(); break;
                case "low_pass_jump": o.LowPassJump = value.GetInt32(); break;
                case "robust": o.Robust = value.GetBoolean(); break;
                default: throw new InvalidDataException(key);
            }
        }

        if (Fit.TryGetValue("inner_iter", out var inner))
        {
            o.InnerIterations = inner;
        }

        if (Fit.TryGetValue("outer_iter", out var outer))
        {
            o.OuterIterations = outer;
        }

        return o;
    }

    public override string ToString() => Name;
}

/// <summary>One statsmodels acf case.</summary>
public sealed record AcfCase(string Name, int Nlags, double[] Y, double[] Acf)
{
    public override string ToString() => Name;
}

/// <summary>One R stl(s.window = "periodic", robust) case with the settings R used.</summary>
public sealed record RStlCase(
    string Name, int Period, bool Robust, double[] Y,
    [property: JsonPropertyName("s_window")] int SWindow,
    [property: JsonPropertyName("t_window")] int TWindow,
    [property: JsonPropertyName("l_window")] int LWindow,
    [property: JsonPropertyName("s_degree")] int SDegree,
    [property: JsonPropertyName("t_degree")] int TDegree,
    [property: JsonPropertyName("l_degree")] int LDegree,
    [property: JsonPropertyName("s_jump")] int SJump,
    [property: JsonPropertyName("t_jump")] int TJump,
    [property: JsonPropertyName("l_jump")] int LJump,
    int Inner, int Outer, double[] Seasonal, double[] Trend, double[] Remainder, double[] Weights)
{
    public override string ToString() => Name;
}
