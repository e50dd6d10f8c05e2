using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>Serialises metadata and features to JSON text (source-generated, no reflection).</summary>
internal static class SqliteJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        // The text is stored, never embedded in HTML; keep non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = SqliteJsonContext.Default,
    };

    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, string>> _stringMapWriter =
        (JsonTypeInfo<IReadOnlyDictionary<string, string>>)_options.GetTypeInfo(typeof(IReadOnlyDictionary<string, string>));

    private static readonly JsonTypeInfo<IReadOnlyDictionary<string, double>> _numberMapWriter =
        (JsonTypeInfo<IReadOnlyDictionary<string, double>>)_options.GetTypeInfo(typeof(IReadOnlyDictionary<string, double>));

    private static readonly JsonTypeInfo<Dictionary<string, string>> _stringMapReader =
        (JsonTypeInfo<Dictionary<string, string>>)_options.GetTypeInfo(typeof(Dictionary<string, string>));

    private static readonly JsonTypeInfo<Dictionary<string, double>> _numberMapReader =
        (JsonTypeInfo<Dictionary<string, double>>)_options.GetTypeInfo(typeof(Dictionary<string, double>));

    public static string Write(IReadOnlyDictionary<string, string> map) => JsonSerializer.Serialize(map, _stringMapWriter);

    public static string Write(IReadOnlyDictionary<string, double> map) => JsonSerializer.Serialize(map, _numberMapWriter);

    public static Dictionary<string, string> ReadStrings(string json)
        => JsonSerializer.Deserialize(json, _stringMapReader) ?? new Dictionary<string, string>(0, StringComparer.Ordinal);

    public static Dictionary<string, double> ReadNumbers(string json)
        => JsonSerializer.Deserialize(json, _numberMapReader) ?? new Dictionary<string, double>(0, StringComparer.Ordinal);
}

/// <summary>The source-generated serialisation metadata.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
