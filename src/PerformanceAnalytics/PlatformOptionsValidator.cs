using Microsoft.Extensions.Options;

namespace PerformanceAnalytics;

/// <summary>Checks the data-annotation rules of <see cref="PlatformOptions"/> (source-generated).</summary>
[OptionsValidator]
internal sealed partial class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
}
