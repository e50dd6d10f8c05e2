using System.Globalization;

namespace PerformanceAnalytics.Tests.Statistics.Forecasting;

/// <summary>Reads the R-generated fixtures in TestData/Fixtures/Forecasting (see generate_forecasting_fixtures.R there).</summary>
internal static class ForecastingFixtures
{
    public static string PathOf(string file) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", "Fixtures", "Forecasting", file);

    /// <summary>Rows of a simple comma-separated file (no quoted commas), as header → value maps.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string file)
    {
        var lines = File.ReadAllLines(PathOf(file));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = cells[i].Trim('"');
            }

            rows.Add(row);
        }

        return rows;
    }

    public static double Number(string s) =>
        s == "NA" ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double[] Numbers(string s) => s.Split(';').Select(Number).ToArray();

    /// <summary>One classic series from R's datasets package, as written by the generator.</summary>
    public static (double[] Values, int Frequency) Classic(string name)
    {
        var rows = ReadCsv("classic_series.csv").Where(r => r["series"] == name).ToList();
        return (rows.Select(r => Number(r["value"])).ToArray(), int.Parse(rows[0]["frequency"], CultureInfo.InvariantCulture));
    }

    public static double[] Wineind() => ReadCsv("wineind.csv").Select(r => Number(r["value"])).ToArray();

    /// <summary>
    /// Daily page views: sorted by date, missing days filled by linear interpolation of the raw counts, then
    /// natural logarithms (the protocol of the generator script).
    /// </summary>
    public static double[] WikipediaLogSeries(string file)
    {
        var points = File.ReadAllLines(PathOf(file)).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(c => (Day: DateOnly.ParseExact(c[0].Trim('"'), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber, Value: Number(c[1])))
            .OrderBy(p => p.Day)
            .ToList();
        var first = points[0].Day;
        var length = points[^1].Day - first + 1;
        var y = new double[length];
        for (var k = 0; k < points.Count; k++)
        {
            var (day, value) = points[k];
            y[day - first] = value;
            if (k + 1 < points.Count)
            {
                var (nextDay, nextValue) = points[k + 1];
                for (var d = day + 1; d < nextDay; d++)
                {
                    y[d - first] = value + ((nextValue - value) * (d - day) / (nextDay - day));
                }
            }
        }

        return y.Select(v => Math.Log(v)).ToArray();
    }
}
