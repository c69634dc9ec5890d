using System.Text.Json;
using Generator.Json;

namespace Generator.Options;

/// <summary>
/// Generates JSON Schema (draft-07, what helm validates values with) from the option records and their attributes:
/// <c>schemas/options.schema.json</c> for options files, and the chart's <c>values.schema.json</c>, which leaves out
/// generator-only options, requires the profile-decided ones to be concrete, and accepts the <c>global</c> key helm
/// passes to subcharts. The <c>allOf</c> of a record holds the cross-option rules (<see cref="OptionRules"/>) as
/// <c>if</c>/<c>then</c>; draft-07 because it is the newest draft both helm 3 (gojsonschema, which ignores keywords of
/// later drafts) and helm 4 evaluate, and JsonSchema.Net evaluates it the same way. Written by hand rather than with NJsonSchema's generator because the schema must follow our own
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
            WriteRecordBody(json, typeof(GeneratorOptions), new GeneratorOptions(), forValues, string.Empty);
            json.WriteEndObject();
        }) + "\n";
    }

    /// <summary>
    /// The cross-option rules a schema holds, by where each is written: the <c>allOf</c> of the record that holds the
    /// options it reads (<c>/properties/tempo/properties/storage/allOf/0</c>), in the order of <see cref="OptionRules.All"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, OptionRule> RulesOf(bool forValues)
    {
        var rules = new Dictionary<string, OptionRule>(StringComparer.Ordinal);
        foreach (var scope in Placed.Value.Where(p => !forValues || p.Chart).GroupBy(p => p.Scope, p => p.Rule))
        {
            var pointer = string.Concat(scope.Key.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(key => "/properties/" + key));
            foreach (var (rule, index) in scope.Select((rule, index) => (rule, index)))
            {
                rules.Add($"{pointer}/allOf/{index}", rule);
            }
        }

        return rules;
    }

    /// <summary>Each rule with the record that holds it and whether it is a chart rule, worked out once (both read the option types).</summary>
    private static readonly Lazy<IReadOnlyList<(OptionRule Rule, string Scope, bool Chart)>> Placed =
        new(() => [.. OptionRules.All.Select(r => (r, r.Scope, r.IsChartRule))]);

    private static void WriteRules(Utf8JsonWriter json, string path, bool forValues)
    {
        var rules = Placed.Value.Where(p => p.Scope == path && (!forValues || p.Chart)).Select(p => p.Rule).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var scope = new SchemaScope(string.Empty, path, forValues);
        json.WriteStartArray("allOf");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("description", $"{rule.Path}: {rule.Message}");
            if (rule.When is { } when)
            {
                json.WriteStartObject("if");
                when.Write(json, scope);
                json.WriteEndObject();
                json.WriteStartObject("then");
                rule.Require.Write(json, scope);
                json.WriteEndObject();
            }
            else
            {
                rule.Require.Write(json, scope);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRecordBody(Utf8JsonWriter json, Type type, object? defaults, bool forValues, string path)
    {
        var isRoot = path.Length == 0;
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
            WriteProperty(json, property, defaults is null ? null : property.GetValue(defaults), forValues, SchemaScope.Join(path, property.WireName));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteRules(json, path, forValues);
    }

    private static void WriteProperty(Utf8JsonWriter json, OptionProperty property, object? defaultValue, bool forValues, string path)
    {
        var description = property.Doc;
        if (property.ProfileDefault is { } preset)
        {
            description += " Default: " + string.Join(", ", preset.Groups().Select(g => $"{Show(g.Default)} with profile{(g.Profiles.Contains(' ', StringComparison.Ordinal) ? "s" : string.Empty)} {g.Profiles}")) + ".";
        }

        json.WriteString("description", description);
        var nullable = property.IsNullable && !(forValues && property.ProfileDefault is not null);
        WriteType(json, property.ValueType, nullable, property, defaultValue, forValues, path);
    }

    private static void WriteType(Utf8JsonWriter json, Type type, bool nullable, OptionProperty? property, object? defaultValue, bool forValues, string path)
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
                WriteRecordProperties(json, type, forValues, path);
                return;
            }

            WriteRecordBody(json, type, defaultValue, forValues, path);
            return;
        }

        if (OptionProperty.ListItemType(type) is { } itemType)
        {
            WriteTypeName(json, "array", nullable);
            json.WriteStartObject("items");
            WriteType(json, itemType, false, null, null, forValues, path + OptionPath.AnyItem);
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

    private static void WriteRecordProperties(Utf8JsonWriter json, Type type, bool forValues, string path)
    {
        json.WriteStartObject("properties");
        foreach (var property in OptionProperty.Of(type).Where(p => !(forValues && p.GeneratorOnly)))
        {
            json.WriteStartObject(property.WireName);
            WriteProperty(json, property, null, forValues, SchemaScope.Join(path, property.WireName));
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
