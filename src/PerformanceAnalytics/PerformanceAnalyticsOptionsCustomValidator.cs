using Microsoft.Extensions.Options;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics;

/// <summary>Checks the rules of <see cref="PerformanceAnalyticsOptions"/> that span fields or need lookups.</summary>
internal sealed class PerformanceAnalyticsOptionsCustomValidator : IValidateOptions<PerformanceAnalyticsOptions>
{
    private readonly PlatformOptionsValidator _platformValidator = new();

    public ValidateOptionsResult Validate(string? name, PerformanceAnalyticsOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.LowPerformanceThreshold >= options.HighPerformanceThreshold)
        {
            builder.AddError(
                $"LowPerformanceThreshold ({options.LowPerformanceThreshold}) must be below HighPerformanceThreshold ({options.HighPerformanceThreshold}).",
                nameof(options.LowPerformanceThreshold));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? string.Empty, out _))
        {
            builder.AddError($"TimeZone '{options.TimeZone}' is not a known IANA or Windows time zone id.", nameof(options.TimeZone));
        }

        var seen = new HashSet<Platform>();
        foreach (var (key, platformOptions) in options.Platforms)
        {
            var member = $"{nameof(options.Platforms)}[{key}]";
            if (!Platform.TryParse(key, out var platform))
            {
                builder.AddError($"'{key}' is not a valid platform name.", member);
                continue;
            }

            if (!seen.Add(platform))
            {
                builder.AddError($"The platform '{platform}' is configured twice (as '{key}').", member);
            }

            if (platformOptions is null)
            {
                builder.AddError("The platform settings are missing.", member);
                continue;
            }

            builder.AddResult(_platformValidator.Validate(member, platformOptions));
            if (platformOptions.BenchmarkEngagementRate is not null && string.IsNullOrWhiteSpace(platformOptions.BenchmarkSource))
            {
                builder.AddError("A benchmark engagement rate needs its BenchmarkSource.", member);
            }
        }

        return builder.Build();
    }
}
