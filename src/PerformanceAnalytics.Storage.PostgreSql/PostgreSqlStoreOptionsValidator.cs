using Microsoft.Extensions.Options;

namespace PerformanceAnalytics.Storage.PostgreSql;

/// <summary>Validates <see cref="PostgreSqlStoreOptions"/>.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    internal static readonly TimeSpan MinCommandTimeout = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxCommandTimeout = TimeSpan.FromHours(1);
    private const int MaxIdentifierLength = 63;

    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!IsIdentifier(options.Schema))
        {
            builder.AddError(
                $"{nameof(PostgreSqlStoreOptions.Schema)} '{options.Schema}' is not a lower-case identifier of 1 to {MaxIdentifierLength} "
                + "characters (a-z or '_', then a-z, 0-9 or '_').",
                nameof(PostgreSqlStoreOptions.Schema));
        }

        if (options.CommandTimeout < MinCommandTimeout || options.CommandTimeout > MaxCommandTimeout)
        {
            builder.AddError(
                $"{nameof(PostgreSqlStoreOptions.CommandTimeout)} is {options.CommandTimeout}; it must be between {MinCommandTimeout} and {MaxCommandTimeout}.",
                nameof(PostgreSqlStoreOptions.CommandTimeout));
        }

        return builder.Build();
    }

    /// <summary>Throws when the options are invalid.</summary>
    internal static PostgreSqlStoreOptions ValidateOrThrow(PostgreSqlStoreOptions options, string paramName)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        var result = new PostgreSqlStoreOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, paramName);
        }

        return options.Clone();
    }

    internal static bool IsIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxIdentifierLength || !(char.IsAsciiLetterLower(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
