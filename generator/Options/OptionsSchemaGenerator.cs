using System.Text.Json;
using Generator.Json;

namespace Generator.Options;

/// <summary>
/// Generates JSON Schema (draft-07, what helm validates values with) from the option records and their attributes:
/// <c>schemas/options.schema.json</c> for options files, and the chart's <c>values.schema.json</c>, which leaves out
/// generator-only options, requires the profile-decided ones to be concrete, and accepts the <c>global</c> key helm
/// passes to subcharts. Written by hand rather than with NJsonSchema's generator because the schema must follow our own
/// attributes (wire names, profile defaults, generator-only options) and be byte-stable.
/// </summary>
public static class OptionsSchemaGenerator
{
    public const string OptionsSchemaId = "https://github.com/llamastack-tracing/generator/schemas/options.schema.json";

    public static string OptionsSchema() => Generate(forValues: false);

    public static string ValuesSchema() => Generate(forValues: true);

    private static string Generate(bool forValues)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            if (!forValues)
            {
                json.WriteString("$id", OptionsSchemaId);
            }

            json.WriteString("title", forValues ? "llamastack-tracing chart values" : "llamastack-tracing generator options");
            WriteRecordBody(json, typeof(GeneratorOptions), new GeneratorOptions(), forValues, isRoot: true);
            json.WriteEndObject();
        }) + "\n";
    }

    private static void WriteRecordBody(Utf8JsonWriter json, Type type, object? defaults, bool forValues, bool isRoot = false)
    {
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        var properties = OptionProperty.Of(type).Where(p => !(forValues && p.GeneratorOnly)).ToList();
        var required = properties.Where(p => p.Required).Select(p => p.WireName).ToList();
        if (required.Count > 0)
        {
            json.WriteStartArray("required");
            required.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        if (isRoot && forValues)
        {
            json.WriteStartObject("global");
            json.WriteString("description", "Values helm passes to every chart of a release (accepted so the chart works as a subchart).");
            json.WriteString("type", "object");
            json.WriteEndObject();
        }

        foreach (var property in properties)
        {
            json.WriteStartObject(property.WireName);
            WriteProperty(json, property, defaults is null ? null : property.GetValue(defaults), forValues);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter json, OptionProperty property, object? defaultValue, bool forValues)
    {
        var description = property.Doc;
        if (property.ProfileDefault is { } preset)
        {
            description += $" Default: {Show(preset.Jaeger)} with profile jaeger, {Show(preset.ClusterObservability)} with profile cluster-observability.";
        }

        json.WriteString("description", description);
        var nullable = property.IsNullable && !(forValues && property.ProfileDefault is not null);
        WriteType(json, property.ValueType, nullable, property, defaultValue, forValues);
    }

    private static void WriteType(Utf8JsonWriter json, Type type, bool nullable, OptionProperty? property, object? defaultValue, bool forValues)
    {
        if (OptionProperty.IsRecordType(type))
        {
            if (nullable)
            {
                json.WriteStartArray("type");
                json.WriteStringValue("object");
                json.WriteStringValue("null");
                json.WriteEndArray();
                json.WriteBoolean("additionalProperties", false);
                WriteRecordProperties(json, type, forValues);
                return;
            }

            WriteRecordBody(json, type, defaultValue, forValues);
            return;
        }

        if (OptionProperty.ListItemType(type) is { } itemType)
        {
            WriteTypeName(json, "array", nullable);
            json.WriteStartObject("items");
            WriteType(json, itemType, false, null, null, forValues);
            json.WriteEndObject();
            if (defaultValue is not null)
            {
                json.WritePropertyName("default");
                WriteValue(json, defaultValue, forValues);
            }

            return;
        }

        if (type.IsEnum)
        {
            WriteTypeName(json, "string", nullable);
            json.WriteStartArray("enum");
            foreach (var (wire, _) in EnumNames.Of(type))
            {
                json.WriteStringValue(wire);
            }

            if (nullable)
            {
                json.WriteNullValue();
            }

            json.WriteEndArray();
        }
        else if (type == typeof(long))
        {
            WriteTypeName(json, "integer", nullable);
            if (property?.Bounds is { } bounds)
            {
                json.WriteNumber("minimum", bounds.Minimum);
                json.WriteNumber("maximum", bounds.Maximum);
            }
        }
        else if (type == typeof(bool))
        {
            WriteTypeName(json, "boolean", nullable);
        }
        else
        {
            WriteTypeName(json, "string", nullable);
            if (property?.Pattern is { } pattern)
            {
                json.WriteString("pattern", pattern.Regex);
            }
        }

        if (defaultValue is not null)
        {
            json.WritePropertyName("default");
            WriteValue(json, defaultValue, forValues);
        }
    }

    private static void WriteRecordProperties(Utf8JsonWriter json, Type type, bool forValues)
    {
        json.WriteStartObject("properties");
        foreach (var property in OptionProperty.Of(type).Where(p => !(forValues && p.GeneratorOnly)))
        {
            json.WriteStartObject(property.WireName);
            WriteProperty(json, property, null, forValues);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteTypeName(Utf8JsonWriter json, string name, bool nullable)
    {
        if (!nullable)
        {
            json.WriteString("type", name);
            return;
        }

        json.WriteStartArray("type");
        json.WriteStringValue(name);
        json.WriteStringValue("null");
        json.WriteEndArray();
    }

    /// <summary>A default as JSON, written from the same tree as the chart's values.yaml.</summary>
    private static void WriteValue(Utf8JsonWriter json, object value, bool forValues) =>
        YamlJson.Write(json, OptionsSerializer.ToNode(value, valuesOnly: forValues));

    private static string Show(string value) => value.Length == 0 ? "empty" : value;
}
