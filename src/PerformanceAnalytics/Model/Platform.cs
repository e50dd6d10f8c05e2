using System.Diagnostics.CodeAnalysis;

namespace PerformanceAnalytics.Model;

/// <summary>
/// A content platform, identified by a lower-case key such as <c>"youtube"</c>.
/// </summary>
/// <remarks>
/// <para>
/// YouTube, TikTok, Instagram, LinkedIn and X are built in. Hosts add further platforms with
/// <see cref="Custom(string)"/> and by configuring them in <c>PerformanceAnalyticsOptions.Platforms</c>.
/// </para>
/// <para>
/// <see cref="Parse(string)"/> is case-insensitive, ignores surrounding white space and accepts
/// <c>"x"</c>, <c>"twitter"</c> and <c>"x/twitter"</c> for <see cref="X"/>.
/// </para>
/// </remarks>
public readonly struct Platform : IEquatable<Platform>
{
    private const int MaxKeyLength = 64;
    private readonly string? _key;

    private Platform(string key) => _key = key;

    /// <summary>Gets YouTube.</summary>
    public static Platform YouTube { get; } = new("youtube");

    /// <summary>Gets TikTok.</summary>
    public static Platform TikTok { get; } = new("tiktok");

    /// <summary>Gets Instagram.</summary>
    public static Platform Instagram { get; } = new("instagram");

    /// <summary>Gets LinkedIn.</summary>
    public static Platform LinkedIn { get; } = new("linkedin");

    /// <summary>Gets X, formerly Twitter.</summary>
    public static Platform X { get; } = new("x");

    /// <summary>Gets the five built-in platforms.</summary>
    public static IReadOnlyList<Platform> BuiltIn { get; } = [YouTube, TikTok, Instagram, LinkedIn, X];

    /// <summary>Gets the canonical lower-case key, for example <c>"youtube"</c>.</summary>
    /// <value>The key; <c>""</c> for the default value of the struct.</value>
    public string Key => _key ?? string.Empty;

    /// <summary>Gets a value indicating whether this is one of the five built-in platforms.</summary>
    public bool IsBuiltIn => BuiltIn.Contains(this);

    /// <summary>Creates a host-defined platform.</summary>
    /// <param name="key">The key: 1–64 characters of ASCII letters, digits, '-', '_' or '.'; it is lower-cased.</param>
    /// <returns>The platform.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or contains other characters.</exception>
    public static Platform Custom(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!TryNormalize(key.AsSpan().Trim(), out var normalized, out var error))
        {
            throw new ArgumentException(error, nameof(key));
        }

        return new Platform(normalized);
    }

    /// <summary>Parses a platform name: a built-in name or alias, or a valid custom key.</summary>
    /// <param name="s">The name, case-insensitive.</param>
    /// <returns>The platform.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is empty or not a valid platform key.</exception>
    public static Platform Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParseCore(s, out var result, out var error) ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse a platform name.</summary>
    /// <param name="s">The name, case-insensitive.</param>
    /// <param name="result">The platform, when parsing succeeds.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid platform name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Platform result) => TryParseCore(s, out result, out _);

    /// <inheritdoc/>
    public bool Equals(Platform other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Platform other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <summary>Returns the key.</summary>
    /// <returns>The canonical key.</returns>
    public override string ToString() => Key;

    /// <summary>Compares two platforms by key.</summary>
    /// <param name="left">The first platform.</param>
    /// <param name="right">The second platform.</param>
    /// <returns><see langword="true"/> when the keys are equal.</returns>
    public static bool operator ==(Platform left, Platform right) => left.Equals(right);

    /// <summary>Compares two platforms by key.</summary>
    /// <param name="left">The first platform.</param>
    /// <param name="right">The second platform.</param>
    /// <returns><see langword="true"/> when the keys differ.</returns>
    public static bool operator !=(Platform left, Platform right) => !left.Equals(right);

    private static bool TryParseCore(ReadOnlySpan<char> s, out Platform result, out string error)
    {
        s = s.Trim();
        if (s.IsEmpty)
        {
            result = default;
            error = "The platform name is empty.";
            return false;
        }

        if (s.Equals("x", StringComparison.OrdinalIgnoreCase) || s.Equals("twitter", StringComparison.OrdinalIgnoreCase)
            || s.Equals("x/twitter", StringComparison.OrdinalIgnoreCase) || s.Equals("x.com", StringComparison.OrdinalIgnoreCase))
        {
            result = X;
            error = string.Empty;
            return true;
        }

        foreach (var platform in BuiltIn)
        {
            if (s.Equals(platform.Key, StringComparison.OrdinalIgnoreCase))
            {
                result = platform;
                error = string.Empty;
                return true;
            }
        }

        if (TryNormalize(s, out var key, out error))
        {
            result = new Platform(key);
            return true;
        }

        result = default;
        return false;
    }

    private static bool TryNormalize(ReadOnlySpan<char> s, out string key, out string error)
    {
        key = string.Empty;
        if (s.Length is 0 or > MaxKeyLength)
        {
            error = $"A platform key has 1 to {MaxKeyLength} characters, but '{s}' has {s.Length}.";
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                error = $"The platform key '{s}' contains '{c}'; use ASCII letters, digits, '-', '_' or '.'.";
                return false;
            }
        }

        key = s.ToString().ToLowerInvariant();
        error = string.Empty;
        return true;
    }
}
