using Microsoft.Extensions.Options;

namespace PerformanceAnalytics;

/// <summary>Checks the data-annotation rules of <see cref="PerformanceAnalyticsOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class PerformanceAnalyticsOptionsValidator : IValidateOptions<PerformanceAnalyticsOptions>
{
}
