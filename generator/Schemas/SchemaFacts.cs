using System.Text.Json;

namespace Generator.Schemas;

/// <summary>
/// Writes a schema as facts only, the form of the bundle in <c>schemas/bundle/</c> and of <c>schemas import</c>: structure,
/// types, formats, enums, patterns, bounds, required, defaults, nullable, the <c>x-kubernetes-*</c> extensions and the CEL
/// rules (rule, message and the other fields the API server reads). Everything else is dropped, descriptions and any other
/// prose (title, example, externalDocs) above all: the keywords are an allow-list, so a keyword a later document adds is
/// left out until someone decides it is a fact the validator needs.
/// </summary>
internal static class SchemaFacts
{
    private static readonly HashSet<string> ValueKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "required", "enum", "pattern", "default", "nullable",
        "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems",
    };

    private static readonly HashSet<string> CelRuleFields = new(StringComparer.Ordinal)
    {
        "rule", "message", "messageExpression", "reason", "fieldPath", "optionalOldSelf",
    };

    /// <summary>Writes one schema (and everything under it); <paramref name="rewriteReference"/> maps each <c>$ref</c> to where the written file keeps its target.</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement schema, Func<string, string>? rewriteReference = null)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            schema.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref" when value.ValueKind == JsonValueKind.String:
                    writer.WriteString("$ref", rewriteReference is null ? value.GetString() : rewriteReference(value.GetString()!));
                    break;
                case "properties" or "definitions" or "$defs" when value.ValueKind == JsonValueKind.Object:
                    writer.WritePropertyName(keyword.Name);
                    writer.WriteStartObject();
                    foreach (var property in value.EnumerateObject())
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, rewriteReference);
                    }

                    writer.WriteEndObject();
                    break;
                case "additionalProperties" or "items" or "not" when value.ValueKind == JsonValueKind.Object:
                    writer.WritePropertyName(keyword.Name);
                    Write(writer, value, rewriteReference);
                    break;
                case "allOf" or "anyOf" or "oneOf" or "items" when value.ValueKind == JsonValueKind.Array:
                    writer.WritePropertyName(keyword.Name);
                    WriteArray(writer, value, item => Write(writer, item, rewriteReference));
                    break;
                case "x-kubernetes-validations" when value.ValueKind == JsonValueKind.Array:
                    writer.WritePropertyName(keyword.Name);
                    WriteArray(writer, value, rule => WriteCelRule(writer, rule));
                    break;
                case "additionalProperties":
                    keyword.WriteTo(writer);
                    break;
                default:
                    if (ValueKeywords.Contains(keyword.Name) || keyword.Name.StartsWith("x-kubernetes-", StringComparison.Ordinal))
                    {
                        keyword.WriteTo(writer);
                    }

                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, JsonElement array, Action<JsonElement> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in array.EnumerateArray())
        {
            writeItem(item);
        }

        writer.WriteEndArray();
    }

    private static void WriteCelRule(Utf8JsonWriter writer, JsonElement rule)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            rule.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var field in rule.EnumerateObject())
        {
            if (CelRuleFields.Contains(field.Name))
            {
                field.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
