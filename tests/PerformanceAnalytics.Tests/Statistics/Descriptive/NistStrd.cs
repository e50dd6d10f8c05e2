using System.Globalization;
using System.Text.RegularExpressions;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>
/// Reads NIST StRD files (TestData/Nist, public domain, https://www.itl.nist.gov/div898/strd/): data and certified
/// values are parsed from the file itself.
/// </summary>
internal static partial class NistStrd
{
    public static string[] Lines(string name) =>
        File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Nist", name + ".dat"));

    /// <summary>Univariate file: the values after "Data: Y" and the certified mean and standard deviation.</summary>
    public static (double[] Values, double Mean, double StandardDeviation) Univariate(string name)
    {
        var lines = Lines(name);
        var mean = Number(lines.Single(l => l.StartsWith("Sample Mean", StringComparison.Ordinal)).Split(':')[^1]);
        var sd = Number(lines.Single(l => l.StartsWith("Sample Standard Deviation", StringComparison.Ordinal)).Split(':')[^1]);
        var start = Array.FindIndex(lines, l => l.StartsWith("Data: Y", StringComparison.Ordinal)) + 2;
        var values = lines[start..].Where(l => l.Trim().Length > 0).Select(Number).ToArray();
        return (values, mean, sd);
    }

    /// <summary>The rows of the data block, as announced by "Data (lines a to b)".</summary>
    public static double[][] DataRows(string name)
    {
        var lines = Lines(name);
        var m = DataLines().Match(string.Join('\n', lines.Take(12)));
        var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return lines[(a - 1)..b]
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray())
            .ToArray();
    }

    /// <summary>ANOVA file: groups are the columns of the data block; certified F and R².</summary>
    public static (double[][] Groups, double F, double RSquared) Anova(string name)
    {
        var rows = DataRows(name);
        var groups = Enumerable.Range(0, rows[0].Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();
        var lines = Lines(name);
        var f = Number(lines.Single(l => l.StartsWith("Between", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var r2 = Number(lines.Single(l => l.Contains("Certified R-Squared", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        return (groups, f, r2);
    }

    /// <summary>Regression file: y (first column), x columns, certified estimates, their standard deviations, residual SD and R².</summary>
    public static NistRegression Regression(string name)
    {
        var rows = DataRows(name);
        var lines = Lines(name);
        var estimates = new List<double>();
        var deviations = new List<double>();
        foreach (var line in lines)
        {
            var m = Parameter().Match(line);
            if (m.Success)
            {
                estimates.Add(Number(m.Groups[1].Value));
                deviations.Add(Number(m.Groups[2].Value));
            }
        }

        var rsd = Number(ResidualSd().Match(string.Join('\n', lines)).Groups[1].Value);
        var r2 = Number(RSquared().Match(string.Join('\n', lines)).Groups[1].Value);
        return new NistRegression(
            rows.Select(r => r[0]).ToArray(),
            rows.Select(r => r[1]).ToArray(),
            rows[0].Length > 2 ? Enumerable.Range(1, rows[0].Length - 1).Select(c => rows.Select(r => r[c]).ToArray()).ToArray() : null,
            estimates.ToArray(),
            deviations.ToArray(),
            rsd,
            r2);
    }

    /// <summary>Digits of agreement, −log10 of the relative error (17 for exact agreement).</summary>
    public static double Digits(double actual, double expected)
    {
        if (actual == expected)
        {
            return 17;
        }

        return -Math.Log10(Math.Abs(actual - expected) / Math.Abs(expected));
    }

    private static double Number(string text) => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Data\s+\(lines (\d+) to (\d+)\)")]
    private static partial Regex DataLines();

    [GeneratedRegex(@"^\s+B\d+\s+(\S+)\s+(\S+)\s*$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"Standard Deviation\s+([-+0-9.E]+)")]
    private static partial Regex ResidualSd();

    [GeneratedRegex(@"R-Squared\s+([-+0-9.E]+)")]
    private static partial Regex RSquared();
}

/// <summary>A NIST linear-regression problem and its certified results.</summary>
internal sealed record NistRegression(double[] Y, double[] X, double[][]? Columns, double[] Estimates,
    double[] StandardDeviations, double ResidualStandardDeviation, double RSquared);
