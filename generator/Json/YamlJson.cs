using System.Globalization;
using System.Text.Json;
using Generator.Yaml;

namespace Generator.Json;

/// <summary>
/// Conversions between our YAML trees and System.Text.Json: CRDs are YAML but schemas compile from <see cref="JsonElement"/>,
/// and schema defaults (JSON) are inserted into YAML trees before validation, as the API server defaults before it validates.
/// </summary>
internal static class YamlJson
{
    public static JsonDocument ToJsonDocument(YamlNode node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return JsonDocument.Parse(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.Key.Text);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalar scalar:
                WriteScalar(writer, scalar);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalar scalar)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                writer.WriteNullValue();
                break;
            case ScalarKind.Boolean:
                writer.WriteBooleanValue(scalar.AsBoolean() ?? false);
                break;
            case ScalarKind.Integer:
                writer.WriteNumberValue(scalar.AsInteger() ?? 0);
                break;
            case ScalarKind.Float:
                var number = scalar.AsNumber() ?? double.NaN;
                if (double.IsFinite(number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(scalar.Text);
                }

                break;
            default:
                writer.WriteStringValue(scalar.Text);
                break;
        }
    }

    /// <summary>A YAML tree for a JSON value (positions unknown: the value came from a schema, not from the user's file).</summary>
    public static YamlNode FromJson(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var mapping = new YamlMapping();
                foreach (var property in value.EnumerateObject())
                {
                    mapping.Add(property.Name, FromJson(property.Value));
                }

                return mapping;
            case JsonValueKind.Array:
                return new YamlSequence(value.EnumerateArray().Select(FromJson));
            case JsonValueKind.String:
                return new YamlScalar(value.GetString()!, ScalarKind.String, ScalarStyle.DoubleQuoted, Mark.None);
            case JsonValueKind.Number:
                return value.TryGetInt64(out var integer)
                    ? YamlScalar.Integer(integer)
                    : new YamlScalar(value.GetDouble().ToString("R", CultureInfo.InvariantCulture), ScalarKind.Float, ScalarStyle.Plain, Mark.None);
            case JsonValueKind.True:
                return YamlScalar.Boolean(true);
            case JsonValueKind.False:
                return YamlScalar.Boolean(false);
            default:
                return YamlScalar.Null();
        }
    }

    /// <summary>Whether a YAML value equals a JSON value (enum membership): numbers compare by value, objects by content.</summary>
    public static bool ValueEquals(YamlNode node, JsonElement value)
    {
        switch (node)
        {
            case YamlScalar scalar:
                return scalar.Kind switch
                {
                    ScalarKind.Null => value.ValueKind == JsonValueKind.Null,
                    ScalarKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False && value.GetBoolean() == scalar.AsBoolean(),
                    ScalarKind.Integer or ScalarKind.Float => value.ValueKind == JsonValueKind.Number && value.GetDouble().Equals(scalar.AsNumber()),
                    _ => value.ValueKind == JsonValueKind.String && value.GetString() == scalar.Text,
                };
            case YamlSequence sequence:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != sequence.Count)
                {
                    return false;
                }

                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (!ValueEquals(sequence[i++], item))
                    {
                        return false;
                    }
                }

                return true;
            case YamlMapping mapping:
                if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Count() != mapping.Count)
                {
                    return false;
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (mapping[property.Name] is not { } child || !ValueEquals(child, property.Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A short, JSON-like rendering of a value for messages: strings quoted, objects as "object" (as kubectl prints them).</summary>
    public static string Show(YamlNode node) => node switch
    {
        YamlScalar { Kind: ScalarKind.String } s => Quote(s.Text),
        YamlScalar s => s.Text,
        YamlMapping => "\"object\"",
        YamlSequence => "\"array\"",
        _ => "null",
    };

    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Object => "\"object\"",
        JsonValueKind.Array => "\"array\"",
        _ => value.GetRawText(),
    };

    /// <summary>A value as messages show it: double-quoted like the writer quotes, cut after 80 characters.</summary>
    public static string Quote(string text)
    {
        const int Limit = 80;
        return YamlWriter.Quote(text.Length > Limit ? text[..Limit] + "…" : text);
    }
}
