using System.Globalization;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>NIST StRD data read as exact decimals, as NIST states them.</summary>
internal static partial class NistStrd
{
    public static decimal[] UnivariateDecimal(string name)
    {
        var lines = Lines(name);
        var start = Array.FindIndex(lines, l => l.StartsWith("Data: Y", StringComparison.Ordinal)) + 2;
        return lines[start..].Where(l => l.Trim().Length > 0).Select(DecimalNumber).ToArray();
    }

    /// <summary>ANOVA groups (the columns of the data block) as decimals.</summary>
    public static decimal[][] AnovaDecimal(string name)
    {
        var rows = Lines(name)[DataBlock(name)]
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(DecimalNumber).ToArray())
            .ToArray();
        return Enumerable.Range(0, rows[0].Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();
    }

    private static Range DataBlock(string name)
    {
        var m = DataLines().Match(string.Join('\n', Lines(name).Take(12)));
        var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return (a - 1)..b;
    }

    private static decimal DecimalNumber(string text) => decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
